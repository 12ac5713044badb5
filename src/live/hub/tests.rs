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
            assert_eq!(
                h.join(IpAddr::from([10, 0, 0, ip]), wrong, "p001", now),
                Err(JoinError::WrongCode)
            );
            tried += 1;
        }
        ip += 1;
    }
    assert!(h.code_disabled());
    let fresh = IpAddr::from([10, 0, 1, 1]);
    assert_eq!(
        h.join(fresh, &code, "p001", now),
        Err(JoinError::WrongCode),
        "the short code no longer works"
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
