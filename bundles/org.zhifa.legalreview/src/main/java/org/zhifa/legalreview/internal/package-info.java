/** The legal-review implementation: not exported. */
package org.zhifa.legalreview.internal;
