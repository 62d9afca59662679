package org.zhifa.api.disclosure;

/**
 * A file published with an item (a catalogue's PDF or XLSX, a flowchart). {@code name} is a plain file
 * name ({@code [A-Za-z0-9._-]}, no path); channels serve it as {@code mediaType}.
 */
public record Attachment(String name, String mediaType, byte[] content) {
    public Attachment {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}") || name.contains("..")) {
            throw new IllegalArgumentException("attachment name must be a plain file name: " + name);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
