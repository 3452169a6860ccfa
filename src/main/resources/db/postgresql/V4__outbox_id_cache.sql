-- PostgreSQL keeps an identity's cache per session: with V3's CACHE 1000 each process, and each of its pooled
-- connections, took a block of 1,000 ids of its own, so the ids send prints jumped by a thousand and came out of
-- order between processes. Without a cache they follow each other; the server logs a sequence only once every 32
-- values anyway, so this costs little. (H2's cache belongs to the database, shared by every session: see db/h2/V4.)
ALTER TABLE outbox_message ALTER COLUMN id SET CACHE 1;
