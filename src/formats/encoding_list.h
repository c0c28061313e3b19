/*
 * The text encodings, one row each: DM_ENCODING_ROW(ID, definition).
 *
 * Included by encoding.h, where each row becomes the public id DM_ENC_<ID>
 * (its position here, from 1; DM_ENC_AUTO is 0), and by encoding.c, where
 * it becomes the table names are looked up in and dm_stream_decode opens a
 * decoder from. The definition is the encoding's dm_encoding_def
 * (encoding_impl.h), defined in its own file. Append new rows, so existing
 * ids do not shift. See "Adding an encoding" in encoding_impl.h.
 */
DM_ENCODING_ROW(UTF8, dm_encoding_utf8)
DM_ENCODING_ROW(UTF16LE, dm_encoding_utf16le)
DM_ENCODING_ROW(UTF16BE, dm_encoding_utf16be)
DM_ENCODING_ROW(CP1252, dm_encoding_cp1252)
DM_ENCODING_ROW(LATIN1, dm_encoding_latin1)
DM_ENCODING_ROW(LATIN9, dm_encoding_latin9)
