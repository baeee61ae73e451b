//! A bounded memory of computed values: the first request for a key
//! computes it while later ones for the same key wait for that result, so a
//! value is never computed twice while it is remembered; the oldest values
//! are forgotten when their total size passes the budget.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;

struct Inner<K, V> {
    cells: HashMap<K, Arc<OnceCell<V>>>,
    /// Keys with a value, oldest first, and the value's size.
    order: VecDeque<(K, usize)>,
    total: usize,
}

pub(crate) struct Memo<K, V> {
    inner: Mutex<Inner<K, V>>,
    budget: usize,
}

impl<K: Clone + Eq + Hash, V: Clone> Memo<K, V> {
    pub(crate) fn new(budget: usize) -> Memo<K, V> {
        Memo { inner: Mutex::new(Inner { cells: HashMap::new(), order: VecDeque::new(), total: 0 }), budget }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner<K, V>> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn len(&self) -> usize {
        self.lock().order.len()
    }

    /// The value of `key`, computed by `compute` unless remembered or being
    /// computed; an `Err` is returned to this caller and not remembered.
    pub(crate) async fn get_or_compute<E, F, Fut>(&self, key: K, size: impl Fn(&V) -> usize, compute: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        let cell = Arc::clone(self.lock().cells.entry(key.clone()).or_default());
        let mut computed_here = false;
        let value = cell
            .get_or_try_init(|| {
                computed_here = true;
                compute()
            })
            .await;
        let value = match value {
            Ok(value) => value.clone(),
            Err(err) => {
                // Forget the empty cell unless another caller filled it meanwhile.
                let mut inner = self.lock();
                if inner.cells.get(&key).is_some_and(|c| Arc::ptr_eq(c, &cell) && !c.initialized()) {
                    inner.cells.remove(&key);
                }
                return Err(err);
            }
        };
        if computed_here {
            let bytes = size(&value);
            let mut inner = self.lock();
            inner.order.push_back((key, bytes));
            inner.total += bytes;
            while inner.total > self.budget && inner.order.len() > 1 {
                let Some((oldest, bytes)) = inner.order.pop_front() else { break };
                inner.total -= bytes;
                inner.cells.remove(&oldest);
            }
        }
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn each_key_is_computed_once_while_remembered() {
        let memo: Memo<u32, u32> = Memo::new(100);
        let calls = AtomicUsize::new(0);
        let compute = |v: u32| {
            calls.fetch_add(1, Ordering::SeqCst);
            async move { Ok::<u32, ()>(v * 2) }
        };
        let (a, b) =
            tokio::join!(memo.get_or_compute(1, |_| 10, || compute(1)), memo.get_or_compute(1, |_| 10, || compute(1)));
        assert_eq!((a, b), (Ok(2), Ok(2)));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(memo.get_or_compute(1, |_| 10, || compute(1)).await, Ok(2));
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn errors_are_not_remembered_and_the_oldest_values_go_first() {
        let memo: Memo<u32, u32> = Memo::new(25);
        assert_eq!(memo.get_or_compute(1, |_| 10, || async { Err::<u32, &str>("disk") }).await, Err("disk"));
        assert_eq!(memo.get_or_compute(1, |_| 10, || async { Ok::<u32, &str>(1) }).await, Ok(1));
        for key in 2..=3 {
            memo.get_or_compute(key, |_| 10, || async { Ok::<u32, &str>(key) }).await.unwrap();
        }
        // 30 > 25: key 1 was forgotten, so it is computed again.
        assert_eq!(memo.len(), 2);
        assert_eq!(memo.get_or_compute(1, |_| 10, || async { Ok::<u32, &str>(7) }).await, Ok(7));
    }
}
