package dev.ometriasync.spring.boot.unreadable;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data access to {@link FussyMember}. */
public interface FussyMemberRepository extends JpaRepository<FussyMember, String> {
}
