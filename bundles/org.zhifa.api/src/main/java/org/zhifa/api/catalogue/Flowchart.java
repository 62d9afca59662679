package org.zhifa.api.catalogue;

/** A kind's 执法流程图 in one format. */
public record Flowchart(String kind, Format format, byte[] content) {

    /** The formats of a flowchart, with their media type and file extension. */
    public enum Format {
        SVG("image/svg+xml", "svg"), PNG("image/png", "png");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() { return mediaType; }

        public String extension() { return extension; }
    }

    public Flowchart {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
