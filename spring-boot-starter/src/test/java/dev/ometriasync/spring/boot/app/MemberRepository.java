package dev.ometriasync.spring.boot.app;

import org.springframework.data.jpa.repository.JpaRepository;

/** Members. */
public interface MemberRepository extends JpaRepository<Member, String> {
}
