"""All tables of the domain. Import this package to have the whole metadata."""

from panelapp.db.models import indexes  # noqa: F401,E402 - indexes over several tables
from panelapp.db.models.activity import ActivityEvent, Attendance, ContentPost  # noqa: F401
from panelapp.db.models.blobs import AttachmentBlob  # noqa: F401
from panelapp.db.models.facilities import (  # noqa: F401
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    ChecklistTemplateVersion,
    Facility,
    FacilityType,
)
from panelapp.db.models.inspections import (  # noqa: F401
    Attachment,
    ChecklistResponse,
    Finding,
    Inspection,
    InspectionAssignment,
)
from panelapp.db.models.people import (  # noqa: F401
    AccessLog,
    AccessLogSeal,
    AccountEvent,
    Cohort,
    Consent,
    ConsentNotice,
    Department,
    DestructionRecord,
    Enrollment,
    Member,
    Organization,
    Team,
    User,
)
from panelapp.db.models.proposals import (  # noqa: F401
    AnswerTemplate,
    Feedback,
    PlanItem,
    Proposal,
    ProposalEvent,
    ProposalMilestone,
    ProposalVerification,
    proposal_findings,
)
from panelapp.db.models.reports import ReportRecord  # noqa: F401
from panelapp.db.models.search import SearchGram  # noqa: F401
