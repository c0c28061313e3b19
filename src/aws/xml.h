/*
 * Just enough XML for S3's answers
 *
 * S3 answers are machine-written documents of plain elements; reading them
 * needs only "the next <Name>...</Name> in this span" and entity decoding.
 * Element names must not nest inside themselves (S3's do not).
 */
#ifndef DM_AWS_XML_H
#define DM_AWS_XML_H

#include <stdbool.h>
#include <stddef.h>

typedef struct dm_xml_span {
    const char *p, *end;
} dm_xml_span;

/* Find the next element `name` in *cur; on success *inner is its content
 * (empty for <name/>) and *cur moves past it. */
bool dm_xml_next(dm_xml_span *cur, const char *name, dm_xml_span *inner);
/* Decoded text (&amp; &lt; &gt; &quot; &apos; &#N; &#xN;) of the first
 * element `name` in span, malloc'd; NULL when absent. */
char *dm_xml_text(dm_xml_span span, const char *name);
/* Name of the document's root element, copied into buf. */
void dm_xml_root(const char *doc, size_t len, char *buf, size_t bufsz);
char *dm_xml_decode(const char *p, size_t n);

#endif
