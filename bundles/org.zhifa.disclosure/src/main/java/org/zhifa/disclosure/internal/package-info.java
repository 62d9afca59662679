/** The disclosure service, its store on plain JDBC, the redactor and the outbox. */
package org.zhifa.disclosure.internal;
