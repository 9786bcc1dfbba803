"""Training becomes an app of its own: its models move here from learning, rows and all.

State only: the tables keep their names here (0002 renames them) and no row is touched.
The content types move too (app label and, for report files, the model name), so every
page, revision, permission and reference that points at them follows without a change.
learning 0006 removes the models from learning's state.
"""

import datetime

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

# learning model name -> training model name
MOVED = {
    "trainingindexpage": "trainingindexpage",
    "trainingmodulepage": "trainingmodulepage",
    "teamsummary": "teamsummary",
    "assignment": "assignment",
    "completion": "completion",
    "moduleprogresslog": "moduleprogresslog",
    "reminderlog": "reminderlog",
    "reportdownload": "reportfile",
}


def _move_content_types(apps, *, source, target, names):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for old, new in names.items():
        moving = ContentType.objects.filter(app_label=source, model=old).first()
        if moving is None:
            continue
        # A content type made for the target already (by an earlier post_migrate) holds
        # nothing yet: the moving one, with its pages and permissions, replaces it.
        ContentType.objects.filter(app_label=target, model=new).delete()
        moving.app_label, moving.model = target, new
        moving.save(update_fields=["app_label", "model"])
        if old != new:
            for permission in Permission.objects.filter(content_type=moving):
                permission.codename = permission.codename.replace(old, new)
                permission.save(update_fields=["codename"])
    ContentType.objects.clear_cache()


def content_types_to_training(apps, schema_editor):
    _move_content_types(apps, source="learning", target="training", names=MOVED)


def content_types_to_learning(apps, schema_editor):
    _move_content_types(
        apps, source="training", target="learning", names={v: k for k, v in MOVED.items()}
    )


def report_download_upload_to(instance, filename):
    return f"training-reports/{instance.requested_by_id}/{filename}"


def report_download_expiry():
    return django.utils.timezone.now() + datetime.timedelta(days=1)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0001_initial'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('learning', '0005_report_downloads'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='TrainingIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', wagtail.fields.RichTextField(blank=True)),
                    ],
                    options={
                        'db_table': 'learning_trainingindexpage',
                        'abstract': False,
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='TrainingModulePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('summary', models.TextField(max_length=400)),
                        ('estimated_minutes', models.PositiveSmallIntegerField(help_text='How long the module takes; it pre-fills the time spent on a reflection.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(6000)])),
                        ('refresher_months', models.PositiveSmallIntegerField(blank=True, help_text='After this many months a completion expires and the module is due again.', null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(120)])),
                        ('steps', wagtail.fields.StreamField([('bite', 0), ('quiz', 1), ('reflection', 3)], block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'icon': 'doc-full', 'label': 'Read a knowledge bite', 'page_type': ['learning.KnowledgeBitePage'], 'template': 'learning/blocks/step_preview.html'}), 1: ('wagtail.blocks.PageChooserBlock', (), {'icon': 'radio-full', 'label': 'Pass a quiz', 'page_type': ['quizzes.QuizPage'], 'template': 'learning/blocks/step_preview.html'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the learner should reflect on, e.g. the NISCC reflective exercise.', 'max_length': 300}), 3: ('wagtail.blocks.StructBlock', [[('prompt', 2)]], {})})),
                    ],
                    options={
                        'db_table': 'learning_trainingmodulepage',
                        'abstract': False,
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='TeamSummary',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('people', models.PositiveIntegerField(default=0)),
                        ('counts', models.JSONField(default=dict, help_text='Status code -> number of assignments.')),
                        ('computed_at', models.DateTimeField()),
                        ('team', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.team')),
                    ],
                    options={
                        'db_table': 'learning_teamsummary',
                    },
                ),
                migrations.CreateModel(
                    name='Assignment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('everyone', models.BooleanField(default=True, help_text='Everyone in the team, including people who join later.')),
                        ('due_date', models.DateField()),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('withdrawn_at', models.DateTimeField(blank=True, null=True)),
                        ('assigned_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('learners', models.ManyToManyField(blank=True, related_name='chosen_assignments', to=settings.AUTH_USER_MODEL)),
                        ('module', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='training.trainingmodulepage')),
                        ('team', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assignments', to='accounts.team')),
                    ],
                    options={
                        'db_table': 'learning_assignment',
                        'ordering': ['due_date', 'id'],
                        'indexes': [models.Index(fields=['team', 'withdrawn_at'], name='learning_as_team_id_140f05_idx')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('withdrawn_at__isnull', True)), fields=('team', 'module'), name='one_open_assignment_per_team_and_module')],
                    },
                ),
                migrations.CreateModel(
                    name='Completion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('module_title', models.CharField(max_length=255)),
                        ('completed_at', models.DateTimeField()),
                        ('expires_on', models.DateField(blank=True, help_text='When the module is due again, if it has a refresher.', null=True)),
                        ('quiz_percent', models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(100)])),
                        ('module', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='completions', to='training.trainingmodulepage')),
                        ('revision', models.ForeignKey(blank=True, help_text='The module revision the completion was earned against.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='module_completions', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'learning_completion',
                        'ordering': ['-completed_at'],
                        'indexes': [models.Index(fields=['user', 'module', 'completed_at'], name='learning_co_user_id_0d5dfe_idx'), models.Index(fields=['completed_at'], name='learning_co_complet_f72dd9_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='ModuleProgressLog',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('steps_done', models.PositiveSmallIntegerField(default=0)),
                        ('steps_total', models.PositiveSmallIntegerField(default=0)),
                        ('started_at', models.DateTimeField(blank=True, null=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('module', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='training.trainingmodulepage')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='module_progress', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'learning_moduleprogresslog',
                        'constraints': [models.UniqueConstraint(fields=('user', 'module'), name='one_progress_log_per_learner_and_module'), models.CheckConstraint(condition=models.Q(('steps_done__lte', models.F('steps_total'))), name='progress_steps_done_within_total')],
                    },
                ),
                migrations.CreateModel(
                    name='ReminderLog',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('learner_due', 'Training due or overdue (learner)'), ('manager_digest', 'Team overdue digest (manager)')], max_length=20)),
                        ('sent_on', models.DateField()),
                        ('sent_at', models.DateTimeField(auto_now_add=True)),
                        ('item_count', models.PositiveIntegerField(default=0)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'learning_reminderlog',
                        'constraints': [models.UniqueConstraint(fields=('kind', 'user', 'sent_on'), name='one_reminder_per_kind_user_and_day')],
                    },
                ),
                migrations.CreateModel(
                    name='ReportFile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('format', models.CharField(choices=[('csv', 'CSV'), ('xlsx', 'Excel (XLSX)')], max_length=4)),
                        ('team_ids', models.JSONField(default=list)),
                        ('status', models.CharField(choices=[('pending', 'Waiting to start'), ('running', 'Being prepared'), ('done', 'Ready'), ('failed', 'Failed')], default='pending', max_length=7)),
                        ('file', models.FileField(blank=True, max_length=255, upload_to=report_download_upload_to)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('expires_at', models.DateTimeField(db_index=True, default=report_download_expiry)),
                        ('requested_by', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='report_downloads', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'learning_reportdownload',
                        'ordering': ['-created_at'],
                    },
                ),
            ],
        ),
        migrations.RunPython(content_types_to_training, content_types_to_learning),
    ]
