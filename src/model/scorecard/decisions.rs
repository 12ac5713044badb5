//! Where and when board decisions were taken.

impl super::Decision {
    /// Where and when it was taken: "Safer Plymouth board, 2026-03-14", either alone, or
    /// empty.
    pub fn taken(&self) -> String {
        [self.meeting.trim(), self.on.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl super::Scorecard {
    /// The meeting and date of the decision recorded last, for the next one: a board takes
    /// several decisions at one meeting.
    pub fn last_meeting(&self) -> (String, String) {
        self.themes
            .iter()
            .filter_map(|t| t.decision.as_ref())
            .filter(|d| !d.meeting.is_empty() || !d.on.is_empty())
            .max_by(|a, b| a.at.cmp(&b.at))
            .map(|d| (d.meeting.clone(), d.on.clone()))
            .unwrap_or_default()
    }
}
