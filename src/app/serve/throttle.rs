//! What keeps sign-in from taking the server down or being guessed: wrong
//! passwords counted per address and per name (a locked name stays locked
//! even for the right password until its time is over), a bounded table of
//! those counts, and at most two password hashes at a time (each takes
//! 19 MB and a core) with a short queue — past it the answer is "try later",
//! not another hash.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tokio::sync::{Semaphore, SemaphorePermit};

/// Wrong passwords one name may take in a window before it is locked.
pub(crate) const NAME_FAILURES: u32 = 10;
/// Wrong passwords one address may send in a window before it is locked.
pub(crate) const ADDRESS_FAILURES: u32 = 30;
/// How long failures are remembered, and a lock lasts.
pub(crate) const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Names and addresses remembered at once; past it the oldest are forgotten
/// first, but a full table of fresh entries locks every new caller out
/// rather than grow (memory stays bounded whatever is sent).
const REMEMBERED: usize = 20_000;
/// Password hashes computed at once.
const HASHING: usize = 2;
/// Sign-ins waiting for a hash; more are answered "try later" at once.
const WAITING: usize = 32;

/// Failures of one name or address in the current window.
#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    first: Instant,
}

/// The key a failure is counted under.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Who {
    Address(IpAddr),
    Name(String),
}

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
    failures: Mutex<HashMap<Who, Failures>>,
    hashing: Semaphore,
    waiting: std::sync::atomic::AtomicUsize,
}

impl Default for Throttle {
    fn default() -> Throttle {
        Throttle {
            failures: Mutex::new(HashMap::new()),
            hashing: Semaphore::new(HASHING),
            waiting: std::sync::atomic::AtomicUsize::new(0),
        }
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

/// A name as failures are counted: case and spaces aside.
fn name_key(name: &str) -> Who {
    Who::Name(name.trim().to_lowercase().chars().take(200).collect())
}

impl Throttle {
    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<Who, Failures>> {
        self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether `name` from `address` may try a password now.
    pub(crate) fn admit(&self, address: IpAddr, name: &str, now: Instant) -> Result<(), Refusal> {
        let mut table = self.table();
        let mut longest = Duration::ZERO;
        for (who, limit) in [(Who::Address(address), ADDRESS_FAILURES), (name_key(name), NAME_FAILURES)] {
            if let Some(failures) = table.get(&who).copied() {
                let age = now.saturating_duration_since(failures.first);
                if age >= WINDOW {
                    table.remove(&who);
                } else if failures.count >= limit {
                    longest = longest.max(WINDOW - age);
                }
            }
        }
        if longest > Duration::ZERO {
            return Err(Refusal::Locked(longest));
        }
        if table.len() >= REMEMBERED && !table.contains_key(&Who::Address(address)) {
            table.retain(|_, failures| now.saturating_duration_since(failures.first) < WINDOW);
            if table.len() >= REMEMBERED {
                return Err(Refusal::Locked(WINDOW));
            }
        }
        Ok(())
    }

    /// A wrong name or password from `address`.
    pub(crate) fn failed(&self, address: IpAddr, name: &str, now: Instant) {
        let mut table = self.table();
        for who in [Who::Address(address), name_key(name)] {
            if table.len() >= REMEMBERED && !table.contains_key(&who) {
                continue;
            }
            let failures = table.entry(who).or_insert(Failures { count: 0, first: now });
            if now.saturating_duration_since(failures.first) >= WINDOW {
                *failures = Failures { count: 0, first: now };
            }
            failures.count = failures.count.saturating_add(1);
        }
    }

    /// A right password: the name's and the address's failures are forgotten.
    pub(crate) fn succeeded(&self, address: IpAddr, name: &str) {
        let mut table = self.table();
        table.remove(&Who::Address(address));
        table.remove(&name_key(name));
    }

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

    #[cfg(test)]
    fn remembered(&self) -> usize {
        self.table().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(last: u8) -> IpAddr {
        IpAddr::from([192, 0, 2, last])
    }

    #[test]
    fn a_name_is_locked_after_its_failures_even_for_the_right_password() {
        let throttle = Throttle::default();
        let start = Instant::now();
        for n in 0..NAME_FAILURES {
            assert_eq!(throttle.admit(address(n as u8), "vanthu", start), Ok(()));
            throttle.failed(address(n as u8), " VanThu ", start);
        }
        // From a fresh address, the name is locked for the rest of the window.
        match throttle.admit(address(200), "vanthu", start + Duration::from_secs(60)) {
            Err(Refusal::Locked(left)) => assert_eq!(left, WINDOW - Duration::from_secs(60)),
            other => panic!("{other:?}"),
        }
        // Another name from that fresh address is not.
        assert_eq!(throttle.admit(address(200), "ketoan", start), Ok(()));
        // After the window, it may try again.
        assert_eq!(throttle.admit(address(200), "vanthu", start + WINDOW), Ok(()));
    }

    #[test]
    fn an_address_is_locked_after_its_failures_over_many_names() {
        let throttle = Throttle::default();
        let start = Instant::now();
        for n in 0..ADDRESS_FAILURES {
            throttle.failed(address(1), &format!("ten{n}"), start);
        }
        assert!(matches!(throttle.admit(address(1), "new", start), Err(Refusal::Locked(_))));
        assert_eq!(throttle.admit(address(2), "new", start), Ok(()));
        throttle.succeeded(address(1), "ten0");
        assert_eq!(throttle.admit(address(1), "new", start), Ok(()));
    }

    #[test]
    fn the_table_never_grows_past_its_bound() {
        let throttle = Throttle::default();
        let start = Instant::now();
        for n in 0..(REMEMBERED as u32 + 5_000) {
            let ip = IpAddr::from(n.to_be_bytes());
            throttle.failed(ip, &format!("name{n}"), start);
        }
        assert!(throttle.remembered() <= REMEMBERED);
        // Full of fresh entries: a new caller waits rather than grow it.
        assert!(matches!(throttle.admit(address(9), "x", start), Err(Refusal::Locked(_))));
        // Once they are old, room is made.
        assert_eq!(throttle.admit(address(9), "x", start + WINDOW), Ok(()));
    }

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
