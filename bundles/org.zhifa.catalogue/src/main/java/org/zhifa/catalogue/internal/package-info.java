/** The catalogues' implementation: not exported. */
package org.zhifa.catalogue.internal;
