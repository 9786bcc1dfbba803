"""People, teams and each practitioner's regulator registration."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel


class RegulatorCode(models.TextChoices):
    """The four UK regulators of social work and social care.

    The same codes identify the regulators in the standards content (learning).
    """

    SOCIAL_WORK_ENGLAND = "swe", _("Social Work England")
    HCPC = "hcpc", _("Health and Care Professions Council (HCPC)")
    NISCC = "niscc", _("Northern Ireland Social Care Council (NISCC)")
    SOCIAL_CARE_WALES = "scw", _("Social Care Wales")


class Profession(models.TextChoices):
    SOCIAL_WORKER = "social_worker", _("Social worker")
    SOCIAL_CARE_WORKER = "social_care_worker", _("Social care worker")
    OTHER = "other", _("Other registered profession")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with their email address."""

    username = None
    email = models.EmailField(_("email address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email


class Team(ClusterableModel):
    """A group of practitioners and the people who manage them.

    Its people are rows of `TeamMembership` and `TeamManagement`, which the Wagtail admin
    edits one chosen person at a time (a searchable chooser: an organisation has
    thousands of staff, too many to list on one form).
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="TeamMembership",
        related_name="teams",
        blank=True,
        verbose_name=_("members"),
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="TeamManagement",
        related_name="managed_teams",
        blank=True,
        verbose_name=_("managers"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name


class TeamPerson(models.Model):
    """A person's place in a team, one row each; a subclass names the team's relation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )

    class Meta:
        abstract = True
        unique_together = [("team", "user")]


class TeamMembership(TeamPerson):
    """A person in a team. (The table Django made for `Team.members`, kept as it was.)"""

    team = ParentalKey(
        Team, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("team")
    )

    class Meta(TeamPerson.Meta):
        db_table = "accounts_team_members"
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return f"{self.user} in {self.team}"


class TeamManagement(TeamPerson):
    """A person who manages a team. (The table Django made for `Team.managers`.)"""

    team = ParentalKey(
        Team, on_delete=models.CASCADE, related_name="managements", verbose_name=_("team")
    )

    class Meta(TeamPerson.Meta):
        db_table = "accounts_team_managers"
        verbose_name = _("team manager")
        verbose_name_plural = _("team managers")

    def __str__(self):
        return f"{self.user} manages {self.team}"


class Registration(models.Model):
    """A practitioner's registration with their regulator."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="registration",
        verbose_name=_("person"),
    )
    regulator = models.CharField(_("regulator"), max_length=8, choices=RegulatorCode.choices)
    profession = models.CharField(
        _("profession"),
        max_length=32,
        choices=Profession.choices,
        default=Profession.SOCIAL_WORKER,
    )
    registration_number = models.CharField(_("registration number"), max_length=32, blank=True)
    renewal_date = models.DateField(_("renewal date"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return f"{self.get_regulator_display()} {self.registration_number}".strip()
