"""CPD exports as prepared files (core.prepared_files): what they are called and say."""

import datetime as dt

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.prepared_files.kinds import PreparedFileKind, PreparedFilePages, kind_register

from ..models import EXPORT_LIFETIME_DAYS, Export
from ..services import export_write

CPD_EXPORTS = kind_register(
    PreparedFileKind(
        name="cpd-export",
        model=Export,
        lifetime=dt.timedelta(days=EXPORT_LIFETIME_DAYS),
        write=export_write,
        file_stem=lambda export: f"cpd-{export.layout}",
        pages=PreparedFilePages(
            status_url="reflections:export_detail",
            download_url="reflections:export_download",
            again_url="reflections:export_new",
            back_url="reflections:my_cpd",
            back_text=gettext_lazy("Back to My CPD"),
            waiting_title=gettext_lazy("Preparing your export"),
            waiting_text=gettext_lazy(
                "This usually takes a few seconds. This page checks again by itself."
            ),
            ready_title=gettext_lazy("Your export is ready"),
            failed_title=gettext_lazy("Your export could not be prepared"),
            again_text=gettext_lazy("Make another export"),
            gone_title=gettext_lazy("This export has expired"),
            gone_text=gettext_lazy("We keep exports for 7 days, then delete them."),
            download_text=lambda export: _("Download %(name)s") % {"name": export},
            kept_text=lambda export: (
                _("Only you can download it. We delete it on %(day)s.")
                % {"day": date_format(localtime(export.expires_at), "j F Y")}
            ),
        ),
    )
)
