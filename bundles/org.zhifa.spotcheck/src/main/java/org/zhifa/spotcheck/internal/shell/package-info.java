/**
 * The shell commands of 双随机、一公开 (P5): zhifa:spotcheck-targets, -import, -inspectors, -plans, zhifa:draw-announce,
 * -make, -show, -verify and -outcomes, attributed to the session's user.
 */
package org.zhifa.spotcheck.internal.shell;
