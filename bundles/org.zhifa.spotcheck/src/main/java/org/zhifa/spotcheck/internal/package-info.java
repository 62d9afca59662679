/** The implementation of {@link org.zhifa.api.spotcheck.SpotCheckService}: plain JDBC on the zhifa database. */
package org.zhifa.spotcheck.internal;
