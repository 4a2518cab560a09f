package io.jenkins.plugins.databricksgit.symbolindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolIndexProcessorTest {
    private static final String SYMBOL =
            """
            package org.jenkinsci;
            import java.lang.annotation.*;
            @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.TYPE)
            public @interface Symbol { String[] value(); }
            """;

    @TempDir
    Path out;

    @Test
    void indexListsAnnotatedTypesByBinaryNameSorted() throws IOException {
        compile(Map.of(
                "org/jenkinsci/Symbol.java",
                SYMBOL,
                "com/example/Zeta.java",
                """
                package com.example;
                @org.jenkinsci.Symbol("zeta") public class Zeta {
                    @org.jenkinsci.Symbol("inner") public static class DescriptorImpl {}
                    public static class NotAnnotated {}
                }
                """,
                "com/example/Alpha.java",
                """
                package com.example;
                import org.jenkinsci.Symbol;
                @Symbol({"alpha", "a"}) public class Alpha {}
                """,
                "com/example/Plain.java",
                "package com.example; public class Plain {}"));

        assertThat(Files.readString(out.resolve(SymbolIndexProcessor.INDEX), StandardCharsets.UTF_8))
                .isEqualTo("com.example.Alpha\ncom.example.Zeta\ncom.example.Zeta$DescriptorImpl\n");
    }

    @Test
    void noIndexWithoutAnnotatedTypes() throws IOException {
        compile(Map.of(
                "org/jenkinsci/Symbol.java", SYMBOL, "com/example/Plain.java", "package com.example; class Plain {}"));

        assertThat(out.resolve(SymbolIndexProcessor.INDEX)).doesNotExist();
        assertThat(out.resolve("com/example/Plain.class")).exists();
    }

    @Test
    void otherAnnotationsNamedSymbolAreIgnored() throws IOException {
        compile(Map.of(
                "com/example/Symbol.java",
                "package com.example; public @interface Symbol { String value(); }",
                "com/example/Thing.java",
                "package com.example; @Symbol(\"x\") class Thing {}"));

        assertThat(out.resolve(SymbolIndexProcessor.INDEX)).doesNotExist();
    }

    private void compile(Map<String, String> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, code) ->
                units.add(new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return code;
                    }
                }));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaCompiler.CompilationTask task =
                javac.getTask(null, null, diagnostics, List.of("-d", out.toString(), "--release", "17"), null, units);
        task.setProcessors(List.of(new SymbolIndexProcessor()));
        boolean ok = task.call();
        assertThat(ok).as("compilation: %s", diagnostics.getDiagnostics()).isTrue();
    }
}
