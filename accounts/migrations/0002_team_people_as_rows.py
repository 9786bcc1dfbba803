"""Team members and managers become rows the admin edits a person at a time."""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
    ]

    # The tables Django made for the two many-to-many fields stay as they are, rows and
    # all: the through models only name them, so that the admin edits one row a person.
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterModelOptions(
                    name='team',
                    options={'ordering': ['name'], 'verbose_name': 'team', 'verbose_name_plural': 'teams'},
                ),
                migrations.AlterField(
                    model_name='team',
                    name='name',
                    field=models.CharField(max_length=120, unique=True, verbose_name='name'),
                ),
                migrations.CreateModel(
                    name='TeamManagement',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('team', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='managements', to='accounts.team')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'team manager',
                        'verbose_name_plural': 'team managers',
                        'db_table': 'accounts_team_managers',
                        'unique_together': {('team', 'user')},
                    },
                ),
                migrations.AlterField(
                    model_name='team',
                    name='managers',
                    field=models.ManyToManyField(blank=True, related_name='managed_teams', through='accounts.TeamManagement', to=settings.AUTH_USER_MODEL, verbose_name='managers'),
                ),
                migrations.CreateModel(
                    name='TeamMembership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('team', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='accounts.team')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'team member',
                        'verbose_name_plural': 'team members',
                        'db_table': 'accounts_team_members',
                        'unique_together': {('team', 'user')},
                    },
                ),
                migrations.AlterField(
                    model_name='team',
                    name='members',
                    field=models.ManyToManyField(blank=True, related_name='teams', through='accounts.TeamMembership', to=settings.AUTH_USER_MODEL, verbose_name='members'),
                ),
            ],
        ),
    ]
