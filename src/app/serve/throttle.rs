//! What keeps sign-in from taking the server down: at most two password
//! hashes at a time (each takes 19 MB and a core) with a short queue — past
//! it the answer is "try later", not another hash. (Wrong passwords are
//! counted in the database, store/sign_in.rs, shared by every process.)

use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};

/// Password hashes computed at once.
const HASHING: usize = 2;
/// Sign-ins waiting for a hash; more are answered "try later" at once.
const WAITING: usize = 32;

/// Why a sign-in is not tried now, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Too many wrong passwords for this name or from this address.
    Locked(Duration),
    /// Too many sign-ins waiting for the password check.
    Busy,
}

/// The sign-in guard of one server.
pub(crate) struct Throttle {
    hashing: Semaphore,
    waiting: std::sync::atomic::AtomicUsize,
}

impl Default for Throttle {
    fn default() -> Throttle {
        Throttle { hashing: Semaphore::new(HASHING), waiting: std::sync::atomic::AtomicUsize::new(0) }
    }
}

/// A place in the hashing queue, given back when dropped — also when the
/// caller goes away while still waiting.
struct Place<'a>(&'a Throttle);

impl Drop for Place<'_> {
    fn drop(&mut self) {
        self.0.waiting.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

/// A turn to hash a password; dropping it lets the next one in.
pub(crate) struct Turn<'a> {
    _permit: SemaphorePermit<'a>,
    _place: Place<'a>,
}

impl Throttle {
    /// Waits for a turn to hash a password, or refuses at once when the
    /// queue is full.
    pub(crate) async fn turn(&self) -> Result<Turn<'_>, Refusal> {
        use std::sync::atomic::Ordering;
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= WAITING {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(Refusal::Busy);
        }
        let place = Place(self);
        let permit = self.hashing.acquire().await.map_err(|_| Refusal::Busy)?;
        Ok(Turn { _permit: permit, _place: place })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn at_most_two_hash_at_once_and_the_queue_is_bounded() {
        let throttle = Throttle::default();
        let mut turns = Vec::new();
        for _ in 0..HASHING {
            turns.push(throttle.turn().await.unwrap());
        }
        // The next ones wait; fill the queue with waiters that never get a permit now.
        let waiting = (0..WAITING - HASHING).map(|_| throttle.turn()).collect::<Vec<_>>();
        let mut pending: Vec<_> = waiting.into_iter().map(Box::pin).collect();
        for future in &mut pending {
            assert!(futures_poll_once(future).await.is_none(), "waits for a permit");
        }
        assert_eq!(throttle.turn().await.err(), Some(Refusal::Busy));
        drop(pending);
        drop(turns);
        assert!(throttle.turn().await.is_ok());
    }

    /// Polls a future once: its output if it is ready at once.
    async fn futures_poll_once<F: std::future::Future + Unpin>(future: &mut F) -> Option<F::Output> {
        let mut future = Some(future);
        std::future::poll_fn(move |cx| {
            let inner = future.take().expect("polled once");
            std::task::Poll::Ready(match std::pin::Pin::new(inner).poll(cx) {
                std::task::Poll::Ready(value) => Some(value),
                std::task::Poll::Pending => None,
            })
        })
        .await
    }
}
