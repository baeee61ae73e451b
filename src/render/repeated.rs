//! What recent certificate sheets drew, so that a part seen again (the
//! achievement most sheets of an award share, the unit) is made once: a
//! shared form both PDF writers reference, a paragraph the DOCX repeats.

/// How many different groups are remembered: a certificate's shared texts
/// are few (an achievement, a title), its names change every page.
const REMEMBERED_GROUPS: usize = 16;

/// Groups of parts (PDF items, DOCX frames) seen on recent sheets, each
/// with its form (of type `F`, the writer's handle on what it made) once
/// it has been seen twice.
pub(crate) struct Repeated<K, F> {
    /// Each group, its form once made, and when it was last asked for.
    recent: Vec<(Vec<K>, Option<F>, usize)>,
    /// How many groups have been asked for: the clock of `recent`.
    asked: usize,
}

impl<K, F> Default for Repeated<K, F> {
    fn default() -> Self {
        Repeated { recent: Vec::new(), asked: 0 }
    }
}

impl<K: Clone + PartialEq, F: Clone> Repeated<K, F> {
    /// The shared form of `items` if they were seen before (made by `make`
    /// on their second sighting); `Ok(None)` for items to draw on the page
    /// itself and then [`Repeated::remember`].
    pub(crate) fn form<X>(&mut self, items: &[K], make: impl FnOnce(&[K]) -> Result<F, X>) -> Result<Option<F>, X> {
        self.asked += 1;
        let now = self.asked;
        let Some((_, form, used)) = self.recent.iter_mut().find(|(seen, _, _)| seen.as_slice() == items) else {
            return Ok(None);
        };
        *used = now;
        if form.is_none() {
            *form = Some(make(items)?);
        }
        Ok(form.clone())
    }

    /// Keeps `items`, first seen now, in place of the least recently used.
    pub(crate) fn remember(&mut self, items: Vec<K>) {
        if self.recent.len() == REMEMBERED_GROUPS {
            let oldest = self.recent.iter().enumerate().min_by_key(|(_, (_, _, used))| *used).map_or(0, |(i, _)| i);
            self.recent.swap_remove(oldest);
        }
        self.recent.push((items, None, self.asked));
    }
}
