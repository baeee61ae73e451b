//! What the workspace's load benchmarks share: think times that are the
//! same every run, and percentiles of measured times.

/// Think times: a xorshift generator, so every run pauses alike.
pub struct Pauses(pub u64);

impl Pauses {
    /// A pause in `from..to` milliseconds.
    pub fn next_ms(&mut self, from: u64, to: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        from + self.0 % (to - from)
    }
}

/// The `p` percentile (0–1) of `values`, in any order; NaN when none.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[(((sorted.len() - 1) as f64) * p).round() as usize]
}
