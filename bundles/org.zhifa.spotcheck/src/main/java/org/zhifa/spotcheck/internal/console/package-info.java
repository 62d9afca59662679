/** The console views of 双随机、一公开 on the console-view SPI: the two pools, plans and their draws. */
package org.zhifa.spotcheck.internal.console;
