//! Import findings of one activity, in the shape validation uses.

use std::fmt::Display;

use crate::diagnostics::XmlLocation;
use crate::validate::{Code, Finding, Report, Severity};

use super::tree::El;

/// How much of an activity's identifier a message repeats: more than any
/// real identifier needs (they run to a few dozen characters).
const IDENTIFIER_CHARS: usize = 120;

/// Collects the findings of one activity. Every message names the activity
/// and the source line; every path is an [`XmlLocation`] such as
/// `/iati-activities/iati-activity[3]/result[1]/indicator[2]/baseline/@value`.
pub(super) struct Findings {
    identifier: String,
    report: Report,
}

impl Findings {
    pub(super) fn new() -> Self {
        Findings {
            identifier: String::new(),
            report: Report::new(),
        }
    }

    /// Names the activity in later messages, by at most
    /// [`IDENTIFIER_CHARS`] characters of its identifier: each message
    /// repeats it, so a long one must not multiply by the findings.
    pub(super) fn set_identifier(&mut self, identifier: &str) {
        self.identifier = crate::model::echo_within(identifier, IDENTIFIER_CHARS);
    }

    /// `read`, a code looked up on its codelist, passed on; when the lookup
    /// found nothing, first an `iati_unknown_code` finding at `path` saying
    /// so (`message` names the code, the list, and what is read instead).
    pub(super) fn on_codelist<T>(
        &mut self,
        read: Option<T>,
        path: &XmlLocation,
        el: El<'_>,
        message: impl Display,
    ) -> Option<T> {
        if read.is_none() {
            self.push(Code::IatiUnknownCode, path, el, message);
        }
        read
    }

    /// Records a finding about element `el` at `path`, with the code's
    /// default severity.
    pub(super) fn push(
        &mut self,
        code: Code,
        path: &XmlLocation,
        el: El<'_>,
        message: impl Display,
    ) {
        self.push_with(code, code.default_severity(), path, el, message);
    }

    /// Records a finding with an explicit severity.
    pub(super) fn push_with(
        &mut self,
        code: Code,
        severity: Severity,
        path: &XmlLocation,
        el: El<'_>,
        message: impl Display,
    ) {
        let who = if self.identifier.is_empty() {
            "activity without identifier".to_owned()
        } else {
            format!("activity {}", self.identifier)
        };
        self.report.push(
            Finding::new(
                code,
                path.clone().with_line(el.line()),
                format!("{who}: {message} (line {})", el.line()),
            )
            .with_severity(severity),
        );
    }

    pub(super) fn into_report(self) -> Report {
        self.report
    }
}

/// The location of the activity at 1-based `position` in its file,
/// `/iati-activities/iati-activity[position]`.
pub(super) fn activity(position: usize) -> XmlLocation {
    XmlLocation::root("iati-activities").child("iati-activity", position.saturating_sub(1))
}
