/*
 * The compression codecs, one row each: DM_CODEC_ROW(ID, definition).
 *
 * Included by stream.h, where each row becomes the public id DM_COMP_<ID>
 * (its position here, from 1; DM_COMP_NONE is 0), and by decompress.c,
 * where it becomes the table dm_stream_decompress walks (magic numbers, in
 * this order) and sniffing uses to see past a compression suffix
 * ("a.csv.gz" is a .csv). The definition is the codec's dm_codec_def
 * (codec.h), defined in its own file. Append new rows, so existing ids do
 * not shift. See "Adding a codec" in codec.h.
 */
DM_CODEC_ROW(GZIP, dm_codec_gzip)
DM_CODEC_ROW(ZSTD, dm_codec_zstd)
