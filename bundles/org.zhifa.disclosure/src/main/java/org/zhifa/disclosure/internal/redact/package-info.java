/**
 * The redactor of D5: detectors for ID numbers, phones, bank accounts, e-mail addresses, personal
 * addresses, health data and other people's names, and the merge of their masks.
 */
package org.zhifa.disclosure.internal.redact;
