package io.jenkins.plugins.databricksgit.symbolindex;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the index Jenkins reads to find {@code @org.jenkinsci.Symbol} classes by name ({@code SymbolLookup} in
 * structs, used by Pipeline and Configuration as Code): {@value #INDEX}, the binary names of the annotated types,
 * one per line, sorted. This is the file annotation-indexer's processor writes; that processor is not usable from
 * Maven Central, so the plugin build runs this one instead.
 *
 * <p>An annotated member (none in Jenkins today, {@code @Symbol} targets types) stands for its enclosing type, as in
 * annotation-indexer. The annotation is matched by name, so this processor needs no Jenkins jar.
 */
@SupportedAnnotationTypes(SymbolIndexProcessor.ANNOTATION)
public final class SymbolIndexProcessor extends AbstractProcessor {
    static final String ANNOTATION = "org.jenkinsci.Symbol";
    static final String INDEX = "META-INF/services/annotations/" + ANNOTATION;

    private final SortedSet<String> names = new TreeSet<>();
    private final List<Element> originating = new ArrayList<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            write();
            return false;
        }
        for (TypeElement annotation : annotations) {
            for (Element e : round.getElementsAnnotatedWith(annotation)) {
                TypeElement type = enclosingType(e);
                if (type != null) {
                    names.add(
                            processingEnv.getElementUtils().getBinaryName(type).toString());
                    originating.add(type);
                }
            }
        }
        // Not claimed: SezPoz and others may look at the same classes.
        return false;
    }

    private static TypeElement enclosingType(Element e) {
        Element current = e;
        while (current != null && !(current instanceof TypeElement)) {
            current = current.getEnclosingElement();
        }
        return (TypeElement) current;
    }

    private void write() {
        if (names.isEmpty()) {
            return;
        }
        try {
            FileObject file = processingEnv
                    .getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", INDEX, originating.toArray(new Element[0]));
            try (Writer w = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : names) {
                    w.write(name);
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Cannot write " + INDEX + ": " + e);
        }
    }
}
