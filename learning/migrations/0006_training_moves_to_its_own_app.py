"""Training's models now live in the training app (training 0001 took them over).

State only: no table or row changes here; training 0002 renames the tables.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('learning', '0005_report_downloads'),
        ('training', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='ReportDownload'),
                migrations.DeleteModel(name='ReminderLog'),
                migrations.DeleteModel(name='ModuleProgressLog'),
                migrations.DeleteModel(name='Completion'),
                migrations.DeleteModel(name='Assignment'),
                migrations.DeleteModel(name='TeamSummary'),
                migrations.DeleteModel(name='TrainingModulePage'),
                migrations.DeleteModel(name='TrainingIndexPage'),
            ],
        ),
    ]
