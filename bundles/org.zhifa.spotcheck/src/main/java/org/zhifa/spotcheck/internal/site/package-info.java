/** The public pages of 双随机、一公开 under /gongshi/spotcheck/: plans, draws with how to re-run them, published results. */
package org.zhifa.spotcheck.internal.site;
