package dev.ometriasync.spring.boot.unreadable;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with one synced entity whose committed state cannot always be read back. */
@SpringBootApplication
public class UnreadableApplication {
}
