use super::*;

fn hub() -> Hub {
    let method = crate::methods::builtin("morile-style").expect("shipped");
    let card = crate::generate::generate(&method, 2, 3, 1);
    Hub::new(Snapshot::build(
        &card,
        &super::super::session::Session::default(),
    ))
}

#[test]
fn many_addresses_guessing_together_turn_the_short_code_off_but_not_the_secret() {
    let mut h = hub();
    let now = Instant::now();
    let code = h.code().to_owned();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let per = GUESSES_PER_ADDRESS - 1;
    let mut tried = 0;
    let mut ip = 0_u8;
    while tried < GUESSES_IN_ALL {
        for _ in 0..per.min(GUESSES_IN_ALL - tried) {
            tried += 1;
            let want = if tried == GUESSES_IN_ALL {
                JoinError::CodeOff
            } else {
                JoinError::WrongCode
            };
            assert_eq!(
                h.join(IpAddr::from([10, 0, 0, ip]), wrong, "p001", now),
                Err(want)
            );
        }
        ip += 1;
    }
    assert!(h.code_disabled());
    let fresh = IpAddr::from([10, 0, 1, 1]);
    assert_eq!(
        h.join(fresh, &code, "p001", now),
        Err(JoinError::CodeOff),
        "the short code no longer works, and a newcomer is told why"
    );
    let secret = h.secret().to_owned();
    assert!(
        h.join(fresh, &secret, "p001", now).is_ok(),
        "the secret does"
    );
}

#[test]
fn a_lockout_ends_after_its_time() {
    let mut h = hub();
    let now = Instant::now();
    let ip = IpAddr::from([10, 0, 0, 9]);
    for _ in 0..GUESSES_PER_ADDRESS {
        let _ = h.join(ip, "not it", "p001", now);
    }
    let code = h.code().to_owned();
    assert_eq!(h.join(ip, &code, "p001", now), Err(JoinError::LockedOut));
    assert!(h.join(ip, &code, "p001", now + LOCKOUT).is_ok());
}

#[test]
fn secrets_and_codes_are_fresh_each_time() {
    let (a, b) = (hub(), hub());
    assert_eq!(a.secret().len(), 32);
    assert_ne!(a.secret(), b.secret());
    assert!(a.code().len() == 6 && a.code().bytes().all(|c| c.is_ascii_digit()));
}

#[test]
fn a_fresh_code_works_again_and_the_old_one_does_not() {
    let mut h = hub();
    let now = Instant::now();
    for i in 0..GUESSES_IN_ALL {
        let ip = IpAddr::from([
            10,
            1,
            u8::try_from(i / 200).expect("small"),
            u8::try_from(i % 200).expect("small"),
        ]);
        let _ = h.join(ip, "nope", "p001", now);
    }
    assert!(h.code_disabled());
    let old = h.code().to_owned();
    let new = h.fresh_code().to_owned();
    assert!(!h.code_disabled());
    let ip = IpAddr::from([10, 2, 0, 1]);
    if new != old {
        assert_eq!(h.join(ip, &old, "p001", now), Err(JoinError::WrongCode));
    }
    assert!(h.join(ip, &new, "p001", now).is_ok());
}

#[test]
fn an_ipv6_host_counts_as_its_64_and_the_wrong_code_table_stays_bounded() {
    let mut h = hub();
    let now = Instant::now();
    // One host trying from many addresses in its /64 is locked out as one address.
    for i in 0..GUESSES_PER_ADDRESS {
        let ip: IpAddr = format!("2001:db8:0:1::{:x}", i + 1).parse().expect("v6");
        assert_eq!(h.join(ip, "nope", "p001", now), Err(JoinError::WrongCode));
    }
    let another: IpAddr = "2001:db8:0:1::ffff".parse().expect("v6");
    let code = h.code().to_owned();
    assert_eq!(
        h.join(another, &code, "p001", now),
        Err(JoinError::LockedOut)
    );
    // A right code leaves nothing behind; the table is pruned of those not locked out.
    let mut h = hub();
    let code = h.code().to_owned();
    for i in 0..5000_u32 {
        let ip = IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + i));
        let _ = h.names(ip, &code, now);
    }
    assert_eq!(h.failure_entries(), 0, "right codes leave no entries");
    for i in 0..(codes::FAILURES_KEPT as u32 + 100) {
        let ip = IpAddr::from(std::net::Ipv4Addr::from(0x0b00_0000 + i));
        let _ = h.names(ip, "nope", now);
        if h.code_disabled() {
            h.fresh_code();
        }
    }
    assert!(
        h.failure_entries() <= codes::FAILURES_KEPT,
        "{}",
        h.failure_entries()
    );
}

#[test]
fn the_waiting_list_is_bounded_per_address_and_forgets_old_entries_and_says_why() {
    let mut h = hub();
    let now = Instant::now();
    let code = h.code().to_owned();
    let ip = IpAddr::from([10, 3, 0, 1]);
    for _ in 0..WAITING_PER_ADDRESS {
        assert!(h.wait(ip, &code, now).is_ok());
    }
    assert_eq!(h.wait(ip, &code, now), Err(JoinError::WaitingFull));
    // Others still get in.
    assert!(h.wait(IpAddr::from([10, 3, 0, 2]), &code, now).is_ok());
    // Later, the old entries are gone and this address may wait again.
    assert!(h.wait(ip, &code, now + WAITING_FOR).is_ok());
    assert_eq!(h.waiting().len(), 1);
}
