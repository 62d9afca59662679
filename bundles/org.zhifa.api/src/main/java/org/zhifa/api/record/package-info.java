/**
 * The whole-process record (全过程记录, R1–R3): an append-only RFC 6962/9162 Merkle log of every state
 * change, signed tree heads, inclusion and consistency proofs, and verification. The proof checks in
 * {@link org.zhifa.api.record.Merkle} are pure functions so that integrators and the offline verifier
 * check the bureau's claims without trusting it.
 */
@Version("1.1.0")
@Export
package org.zhifa.api.record;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
