package io.rampart.webadmin.recall;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;

/** Attributes on each saved copy in the recall repository, so an operator can see where it came from. */
final class RecallAttributes {
    static final String RECALL_ID = "rampart.recall.id";
    static final String FOLDER = "rampart.recall.folder";
    static final String FLAGS = "rampart.recall.flags";
    static final String INTERNAL_DATE = "rampart.recall.internalDate";

    private RecallAttributes() {
    }

    static Attribute of(String name, String value) {
        return new Attribute(AttributeName.of(name), AttributeValue.of(value));
    }
}
