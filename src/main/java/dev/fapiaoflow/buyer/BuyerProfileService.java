package dev.fapiaoflow.buyer;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;
import dev.fapiaoflow.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer module's API: customers' saved invoice titles (发票抬头). Every method acts on one owner's titles
 * only; another owner's title is treated as absent so that ids cannot be probed.
 */
@Service
public class BuyerProfileService {

    private final BuyerProfileRepository profiles;
    private final Clock clock;

    @Autowired
    BuyerProfileService(BuyerProfileRepository profiles) {
        this(profiles, Clock.systemUTC());
    }

    BuyerProfileService(BuyerProfileRepository profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * Validates and stores a title; saving the same details again returns the title already stored, since
     * requests may say {@code saveBuyerProfile:true} every time.
     *
     * @throws InvalidInputException with field names as in the JSON body ({@code taxId}, …)
     */
    @Transactional
    public BuyerProfileView save(String owner, BuyerDetails details) {
        return saveOrFind(owner, details).view();
    }

    /** The owner's titles, the default first, then the newest first. */
    @Transactional(readOnly = true)
    public List<BuyerProfileView> list(String owner) {
        return profiles.findByOwnerOrderByCreatedAtDescIdDesc(owner).stream()
                .sorted(Comparator.comparing(BuyerProfile::isDefault).reversed())
                .map(BuyerProfile::view).toList();
    }

    /** The title the apply form starts with, if the owner chose one. */
    @Transactional(readOnly = true)
    public Optional<BuyerProfileView> defaultOf(String owner) {
        return profiles.findByOwnerOrderByCreatedAtDescIdDesc(owner).stream().filter(BuyerProfile::isDefault)
                .findFirst().map(BuyerProfile::view);
    }

    /**
     * Replaces a title's details, checked as for a new title; requests made with it keep the details they had.
     *
     * @throws InvalidInputException with field names as in the JSON body
     * @throws NotFoundException if missing or someone else's
     */
    @Transactional
    public BuyerProfileView update(String owner, long id, BuyerDetails details) {
        BuyerProfile profile = profiles.findByIdAndOwner(id, owner)
                .orElseThrow(() -> new NotFoundException("buyer profile", id));
        List<FieldError> errors = BuyerValidation.validate(details, "");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        profile.replaceDetails(details.normalised());
        return profile.view();
    }

    /** Makes one title the owner's default; the one before stops being it. */
    @Transactional
    public void makeDefault(String owner, long id) {
        BuyerProfile chosen = profiles.findByIdAndOwner(id, owner)
                .orElseThrow(() -> new NotFoundException("buyer profile", id));
        profiles.findByOwnerOrderByCreatedAtDescIdDesc(owner).forEach(profile -> profile.markDefault(false));
        chosen.markDefault(true);
    }

    /** The details of one of {@code owner}'s titles; empty if missing or someone else's. */
    @Transactional(readOnly = true)
    public Optional<BuyerDetails> details(String owner, long profileId) {
        return profiles.findByIdAndOwner(profileId, owner).map(BuyerProfile::details);
    }

    /** @throws NotFoundException if missing or someone else's */
    @Transactional
    public void delete(String owner, long id) {
        BuyerProfile profile = profiles.findByIdAndOwner(id, owner)
                .orElseThrow(() -> new NotFoundException("buyer profile", id));
        profiles.delete(profile);
    }

    /** Like {@link #save}, and tells the controller whether anything new was stored. */
    @Transactional
    Saved saveOrFind(String owner, BuyerDetails details) {
        List<FieldError> errors = BuyerValidation.validate(details, "");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        BuyerDetails normalised = details.normalised();
        // the fields are encrypted with random nonces, so duplicates can only be found after decryption;
        // an owner has a handful of titles
        Optional<BuyerProfile> same = profiles.findByOwnerOrderByCreatedAtDescIdDesc(owner).stream()
                .filter(p -> p.details().equals(normalised))
                .findFirst();
        if (same.isPresent()) {
            return new Saved(same.get().view(), false);
        }
        return new Saved(profiles.save(new BuyerProfile(owner, normalised, clock.instant())).view(), true);
    }

    record Saved(BuyerProfileView view, boolean created) {
    }
}
