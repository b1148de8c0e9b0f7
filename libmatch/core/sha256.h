/* SHA-256 of input files, for the digests results carry. Not API.
 *
 * GChecksum's portable SHA-256 was a tenth of the time to load a large
 * cohort; x86-64 processors with the SHA extensions do it several times
 * faster. Where they are missing this is GChecksum itself. */
#ifndef LM_SHA256_H
#define LM_SHA256_H

#include <glib.h>

/* Hex length of a digest, without the NUL. */
#define LM_SHA256_HEX 64

/* Writes the lowercase hex SHA-256 of data[0..len) and a NUL to hex, as
 * g_compute_checksum_for_data(G_CHECKSUM_SHA256, ...) would. */
void lm_sha256_hex(const void *data, size_t len, char hex[LM_SHA256_HEX + 1]);

/* As lm_sha256_hex, never with the SHA extensions: for the tests. */
void lm_sha256_hex_portable(const void *data, size_t len, char hex[LM_SHA256_HEX + 1]);

/* Whether lm_sha256_hex uses the SHA extensions on this processor. */
gboolean lm_sha256_accelerated(void);

#endif
