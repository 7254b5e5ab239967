//! Folding a `-wal` into a copy of its database file, without SQLite and
//! without the key, so a copy kept of a file nobody can open (locked by a
//! forgotten passphrase, or damaged) is still ONE self-contained file that
//! holds exactly what SQLite would read from the pair.
//!
//! The WAL format is SQLite's documented one (<https://sqlite.org/fileformat2.html#walformat>):
//! a 32-byte header (magic, version, page size, checkpoint sequence, two
//! salts, a checksum), then frames of a 24-byte header (page number, the
//! database size in pages for a commit frame, the salts, a running checksum)
//! and one page image. Frames count only when their salts match the header's
//! and their running checksum is right, and only up to the last commit among
//! them: exactly the frames SQLite replays. An encrypted file's WAL holds the
//! encrypted page images, so folding them in needs no key.

use super::faults::io_error;
use crate::error::AppResult;
use std::fs::OpenOptions;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

const HEADER: usize = 32;
const FRAME_HEADER: usize = 24;

fn be(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing `s`.
fn checksum(data: &[u8], big_endian: bool, s: (u32, u32)) -> (u32, u32) {
    let (mut s0, mut s1) = s;
    for pair in data.chunks_exact(8) {
        let word = |w: &[u8]| {
            let b = [w[0], w[1], w[2], w[3]];
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        s0 = s0.wrapping_add(word(&pair[..4])).wrapping_add(s1);
        s1 = s1.wrapping_add(word(&pair[4..])).wrapping_add(s0);
    }
    (s0, s1)
}

/// The committed pages of a WAL, in order, and the database's size in pages
/// after the last commit; `None` when the WAL holds no valid commit.
#[allow(clippy::type_complexity)]
fn committed(wal: &[u8]) -> Option<(usize, Vec<(u32, &[u8])>, u32)> {
    if wal.len() < HEADER {
        return None;
    }
    let magic = be(wal, 0);
    if magic & !1 != 0x377f_0682 {
        return None;
    }
    let big_endian = magic & 1 == 1;
    let page_size = be(wal, 8) as usize;
    if !(512..=65536).contains(&page_size) || !page_size.is_power_of_two() {
        return None;
    }
    let salts = &wal[16..24];
    let mut sum = checksum(&wal[..24], big_endian, (0, 0));
    if sum != (be(wal, 24), be(wal, 28)) {
        return None;
    }
    let mut frames = Vec::new();
    let mut done = None;
    let mut at = HEADER;
    while at + FRAME_HEADER + page_size <= wal.len() {
        let head = &wal[at..at + FRAME_HEADER];
        let page = &wal[at + FRAME_HEADER..at + FRAME_HEADER + page_size];
        if &head[8..16] != salts {
            break;
        }
        sum = checksum(&head[..8], big_endian, sum);
        sum = checksum(page, big_endian, sum);
        if sum != (be(head, 16), be(head, 20)) {
            break;
        }
        let number = be(head, 0);
        if number == 0 {
            break;
        }
        frames.push((number, page));
        let size = be(head, 4);
        if size != 0 {
            done = Some((frames.len(), size));
        }
        at += FRAME_HEADER + page_size;
    }
    let (count, size) = done?;
    frames.truncate(count);
    Some((page_size, frames, size))
}

/// Writes the committed frames of the WAL at `wal` into the database file
/// at `db` (a copy: never the department file itself) and sets its length
/// as the last commit says. Returns whether anything was folded in.
pub fn fold_into(wal: &Path, db: &Path) -> AppResult<bool> {
    let bytes = match std::fs::File::open(wal) {
        Ok(mut f) => {
            let mut b = Vec::new();
            f.read_to_end(&mut b)
                .map_err(|e| io_error("read", wal, &e))?;
            b
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(io_error("read", wal, &e)),
    };
    let Some((page_size, frames, pages)) = committed(&bytes) else {
        return Ok(false);
    };
    let mut file = OpenOptions::new()
        .write(true)
        .open(db)
        .map_err(|e| io_error("write", db, &e))?;
    for (number, page) in frames {
        let offset = (u64::from(number) - 1) * page_size as u64;
        file.seek(SeekFrom::Start(offset))
            .and_then(|_| file.write_all(page))
            .map_err(|e| io_error("write", db, &e))?;
    }
    file.set_len(u64::from(pages) * page_size as u64)
        .and_then(|()| file.sync_all())
        .map_err(|e| io_error("write", db, &e))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wal_with_a_bad_header_checksum_holds_nothing() {
        let mut wal = vec![0u8; HEADER];
        wal[..4].copy_from_slice(&0x377f_0682u32.to_be_bytes());
        wal[8..12].copy_from_slice(&4096u32.to_be_bytes());
        assert!(committed(&wal).is_none());
        let sum = checksum(&wal[..24], false, (0, 0));
        wal[24..28].copy_from_slice(&sum.0.to_be_bytes());
        wal[28..32].copy_from_slice(&sum.1.to_be_bytes());
        assert!(committed(&wal).is_none(), "a header alone has no commit");
    }
}
