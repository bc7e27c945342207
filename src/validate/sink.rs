//! Where checks put their findings: the policy decides the severity, or drops
//! the finding before any text is formatted.

use std::fmt;

use super::{Code, Finding, Severity, ValidationPolicy};
use crate::diagnostics::path::At;

pub(crate) struct Sink<'p> {
    pub(crate) policy: &'p ValidationPolicy,
    /// The policy's severity of each code, indexed by catalogue position, so
    /// the hot path never looks a code up in the policy's map.
    severities: Vec<Option<Severity>>,
    pub(crate) findings: Vec<Finding>,
}

impl<'p> Sink<'p> {
    pub(crate) fn new(policy: &'p ValidationPolicy) -> Self {
        Sink {
            policy,
            severities: Code::ALL.iter().map(|&c| policy.severity(c)).collect(),
            findings: Vec::new(),
        }
    }

    fn severity(&self, code: Code) -> Option<Severity> {
        // `Code::ALL` lists the codes in declaration order.
        self.severities.get(code as usize).copied().flatten()
    }

    /// Whether findings of `code` are kept; checks with real work to do ask
    /// first and skip that work for allowed codes.
    pub(crate) fn wants(&self, code: Code) -> bool {
        self.severity(code).is_some()
    }

    /// Records a finding of `code` at `at`, unless the policy allows the code.
    pub(crate) fn emit(
        &mut self,
        code: Code,
        at: &At<'_>,
        message: fmt::Arguments<'_>,
        help: &str,
    ) {
        if let Some(severity) = self.severity(code) {
            self.findings.push(
                Finding::new(code, at.pointer(), fmt::format(message))
                    .with_severity(severity)
                    .with_help(help),
            );
        }
    }
}
