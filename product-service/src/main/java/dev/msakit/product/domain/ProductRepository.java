package dev.msakit.product.domain;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ProductRepository extends JpaRepository<Product, Long> {

    Page<Product> findByActiveTrue(Pageable pageable);

    Optional<Product> findByIdAndActiveTrue(long id);

    List<Product> findByIdInAndActiveTrue(Collection<Long> ids);

    /**
     * Takes stock only if enough is left, in one statement: the row lock makes concurrent takers queue, and each
     * re-checks the condition against the committed stock, so the last units cannot be sold twice.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Product p set p.stock = p.stock - :quantity "
            + "where p.id = :id and p.active = true and p.stock >= :quantity")
    int takeStock(@Param("id") long id, @Param("quantity") int quantity);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Product p set p.stock = p.stock + :quantity where p.id = :id")
    int returnStock(@Param("id") long id, @Param("quantity") int quantity);
}
