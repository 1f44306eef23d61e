package org.selfkms.console;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.selfkms.api.gate.RequestGate;
import org.selfkms.api.key.KeyManagement;
import org.selfkms.console.gate.ConsoleGate;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console reaches kms-ejb through the request gate only: a class of this module that injects a service itself
 * could serve a request without its audit record. Scans every compiled class of the module.
 */
class OnlyTheGateIsInjectedTest {

    @Test
    void noClassOfTheConsoleInjectsAnyKmsInterfaceButTheGate() throws Exception {
        List<Class<?>> classes = compiledClasses(ConsoleGate.class);
        List<String> bypasses = new ArrayList<>();
        classes.forEach(type -> bypasses.addAll(injectedServices(type)));
        assertEquals(List.of(), bypasses, "only RequestGate may be injected; every service call goes through it");
        assertTrue(classes.size() > 20, "the scan saw the module's classes: " + classes.size());
        assertTrue(classes.stream().anyMatch(type -> injectsGate(type)), "the scan sees injections at all");
    }

    @Test
    void theScanWouldCatchABypass() {
        assertEquals(2, injectedServices(Bypass.class).size(), injectedServices(Bypass.class).toString());
    }

    @SuppressWarnings("unused")
    private static final class Bypass {
        @EJB
        private KeyManagement keys;

        @Inject
        Bypass(List<KeyManagement> more) {
        }
    }

    /** Every class under the folder (or jar) that {@code anchor} was loaded from. */
    static List<Class<?>> compiledClasses(Class<?> anchor) throws URISyntaxException, java.io.IOException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                try {
                    classes.add(Class.forName(name, false, anchor.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot inspect " + name, e);
                }
            }
        }
        return classes;
    }

    /** Fields, constructors and methods of {@code type} that inject a kms-ejb-api interface other than the gate. */
    static List<String> injectedServices(Class<?> type) {
        List<String> found = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (injects(field.getAnnotation(EJB.class) != null || field.getAnnotation(Inject.class) != null,
                    field.getGenericType())) {
                found.add(type.getName() + "." + field.getName());
            }
        }
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        for (Executable executable : executables) {
            boolean annotated = executable.getAnnotation(Inject.class) != null || executable.getAnnotation(EJB.class) != null;
            for (Type parameter : executable.getGenericParameterTypes()) {
                if (injects(annotated, parameter)) {
                    found.add(type.getName() + "." + executable.getName() + "(" + parameter.getTypeName() + ")");
                }
            }
        }
        return found;
    }

    private static boolean injectsGate(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (field.getType() == RequestGate.class && field.getAnnotation(EJB.class) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean injects(boolean annotated, Type type) {
        return annotated && isServiceType(type);
    }

    /** A kms-ejb-api interface other than the gate, also as a type argument ({@code Instance<KeyManagement>}). */
    private static boolean isServiceType(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            if (isServiceType(parameterized.getRawType())) {
                return true;
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (isServiceType(argument)) {
                    return true;
                }
            }
            return false;
        }
        return type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("org.selfkms.api.")
                && c != RequestGate.class;
    }
}
