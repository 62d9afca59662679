/**
 * Random inspections (双随机、一公开, S1–S4): the pools of inspection targets (检查对象名录库) and inspectors
 * (执法检查人员名录库), and the draw — a publicly verifiable random selection in the manner of RFC 3797 that
 * anyone can re-run from what the record keeps ({@link DrawAlgorithm}).
 */
@Version("1.0.0")
@Export
package org.zhifa.api.spotcheck;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
