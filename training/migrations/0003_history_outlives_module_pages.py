"""Completions and assignments outlive the module page: no constraint, nothing cascades,
and an assignment keeps its module's title."""

import django.db.models.deletion
from django.db import migrations, models


def module_titles_copy(apps, schema_editor):
    """Give every assignment its module's title, which it keeps if the page is deleted."""
    Assignment = apps.get_model("training", "Assignment")
    TrainingModulePage = apps.get_model("training", "TrainingModulePage")
    for module_id, title in TrainingModulePage.objects.values_list("id", "title"):
        Assignment.objects.filter(module_id=module_id, module_title="").update(module_title=title)


class Migration(migrations.Migration):

    dependencies = [
        ('training', '0002_tables_renamed'),
    ]

    operations = [
        migrations.AddField(
            model_name='assignment',
            name='module_title',
            field=models.CharField(default='', max_length=255),
        ),
        migrations.AlterField(
            model_name='assignment',
            name='module',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='assignments', to='training.trainingmodulepage'),
        ),
        migrations.AlterField(
            model_name='completion',
            name='module',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='completions', to='training.trainingmodulepage'),
        ),
        migrations.RunPython(module_titles_copy, migrations.RunPython.noop),
    ]
