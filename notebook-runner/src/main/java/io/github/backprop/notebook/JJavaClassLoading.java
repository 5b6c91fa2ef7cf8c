package io.github.backprop.notebook;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How JJava loads a notebook's classes, which the JJava dialect follows: one class loader holds the
 * classes of every snippet and the jars and folders {@code %classpath} adds. It is the kernel's
 * {@code getClassLoader()}, so the extensions JJava installs from those jars share their classes
 * (and statics) with the notebook's code, and it is the context class loader while cells run.
 *
 * <p>Its parent is the notebook JVM's class path without the libraries JJava shades into its own jar
 * under {@code org.dflib.jjava.shaded} (Gson, JeroMQ, SLF4J): the runner needs them, but a notebook
 * in JJava sees only its own copies, so that, say, the SLF4J binding a notebook adds is the one its
 * SLF4J finds.
 */
final class JJavaClassLoading implements LoaderDelegate {
    /** Packages JJava relocates under {@code org.dflib.jjava.shaded}, as class-name prefixes. */
    static final List<String> SHADED = List.of("com.google.gson.", "org.slf4j.", "org.zeromq.", "zmq.", "eu.neilalexander.");

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
    private final NotebookLoader loader = new NotebookLoader(new WithoutShaded(ClassLoader.getSystemClassLoader()));

    /** The class loader of the notebook's code. */
    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        for (ClassBytecodes c : classes) {
            declared.put(c.name(), c.bytecodes()); // all first: the classes of one snippet refer to each other
        }
        boolean[] installed = new boolean[classes.length];
        for (int i = 0; i < classes.length; i++) {
            String name = classes[i].name();
            try {
                Class<?> c = loader.loadClass(name);
                c.getDeclaredMethods(); // linked now, so that a broken class fails here, not in the middle of a cell
                loaded.put(name, c);
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("cannot load " + name + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            declared.put(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String classpath) throws InternalException {
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                loader.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException("cannot add " + entry + " to the class path: " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        if (c == null) {
            throw new ClassNotFoundException(name + " is not a loaded snippet class");
        }
        return c;
    }

    /** Snippet classes from their bytes; everything else from the added paths, after the parent. */
    private final class NotebookLoader extends URLClassLoader {
        NotebookLoader(ClassLoader parent) {
            super("jjava-notebook", new URL[0], parent);
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = declared.get(name);
            return bytes == null ? super.findClass(name) : defineClass(name, bytes, 0, bytes.length);
        }
    }

    /** The kernel's class path as a JJava notebook sees it: without the shaded libraries. */
    private static final class WithoutShaded extends ClassLoader {
        WithoutShaded(ClassLoader kernel) {
            super("jjava-kernel", kernel);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (shaded(name)) {
                throw new ClassNotFoundException(name + " (JJava shades it into its own jar, out of notebooks' sight)");
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return shaded(name.replace('/', '.')) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return shaded(name.replace('/', '.')) ? Collections.emptyEnumeration() : super.getResources(name);
        }

        private static boolean shaded(String name) {
            return SHADED.stream().anyMatch(name::startsWith);
        }
    }
}
