"""The moved tables take the training app's names; report files name their owner `owner`
like every prepared file (core.prepared_files)."""

import core.prepared_files.models
import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0006_training_moves_to_its_own_app'),
        ('training', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelTable(name='TrainingIndexPage', table=None),
        migrations.AlterModelTable(name='TrainingModulePage', table=None),
        migrations.AlterModelTable(name='TeamSummary', table=None),
        migrations.AlterModelTable(name='Assignment', table=None),
        migrations.AlterModelTable(name='Completion', table=None),
        migrations.AlterModelTable(name='ModuleProgressLog', table=None),
        migrations.AlterModelTable(name='ReminderLog', table=None),
        migrations.AlterModelTable(name='ReportFile', table=None),
        migrations.RenameField(model_name='reportfile', old_name='requested_by', new_name='owner'),
        migrations.RenameIndex(
            model_name='assignment',
            new_name='training_as_team_id_bf7f88_idx',
            old_name='learning_as_team_id_140f05_idx',
        ),
        migrations.RenameIndex(
            model_name='completion',
            new_name='training_co_user_id_f94af5_idx',
            old_name='learning_co_user_id_0d5dfe_idx',
        ),
        migrations.RenameIndex(
            model_name='completion',
            new_name='training_co_complet_b9a751_idx',
            old_name='learning_co_complet_f72dd9_idx',
        ),
        migrations.AlterField(
            model_name='reportfile',
            name='expires_at',
            field=models.DateTimeField(db_index=True),
        ),
        migrations.AlterField(
            model_name='reportfile',
            name='file',
            field=models.FileField(blank=True, max_length=255, upload_to=core.prepared_files.models.prepared_file_upload_to),
        ),
        migrations.AlterField(
            model_name='reportfile',
            name='owner',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='trainingmodulepage',
            name='steps',
            field=wagtail.fields.StreamField([('bite', 0), ('quiz', 1), ('reflection', 3)], block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'icon': 'doc-full', 'label': 'Read a knowledge bite', 'page_type': ['learning.KnowledgeBitePage'], 'template': 'training/blocks/step_preview.html'}), 1: ('wagtail.blocks.PageChooserBlock', (), {'icon': 'radio-full', 'label': 'Pass a quiz', 'page_type': ['quizzes.QuizPage'], 'template': 'training/blocks/step_preview.html'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the learner should reflect on, e.g. the NISCC reflective exercise.', 'max_length': 300}), 3: ('wagtail.blocks.StructBlock', [[('prompt', 2)]], {})}),
        ),
    ]
