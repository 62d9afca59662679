/** The catalogue's shell command: zhifa:catalogue-filing. */
package org.zhifa.catalogue.internal.shell;
