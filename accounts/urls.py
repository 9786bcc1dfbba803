from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-in/code/", views.second_factor_code, name="second_factor_code"),
    path("sign-in/recovery-code/", views.second_factor_recovery, name="second_factor_recovery"),
    path("sign-in/set-up-app/", views.second_factor_set_up, name="second_factor_set_up"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("signed-out/", views.signed_out, name="signed_out"),
    path("your-account/", views.ProfileView.as_view(), name="profile"),
    path(
        "your-account/recovery-codes/",
        views.recovery_codes_new,
        name="recovery_codes_new",
    ),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
