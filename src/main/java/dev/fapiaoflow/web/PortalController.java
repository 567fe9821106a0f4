package dev.fapiaoflow.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fapiaoflow.buyer.BuyerProfileService;
import dev.fapiaoflow.buyer.BuyerProfileView;
import dev.fapiaoflow.dispute.DisputeDesk;
import dev.fapiaoflow.order.OrderService;
import dev.fapiaoflow.delivery.PaperDeliveryService;
import dev.fapiaoflow.request.InvoiceRequestCommand;
import dev.fapiaoflow.request.InvoiceRequestService;
import dev.fapiaoflow.request.InvoiceRequestView;
import dev.fapiaoflow.request.RequestStatus;
import dev.fapiaoflow.review.ReviewService;
import dev.fapiaoflow.security.CurrentUser;
import dev.fapiaoflow.shared.ConflictException;
import dev.fapiaoflow.shared.FieldError;
import dev.fapiaoflow.shared.InvalidInputException;

/** The customer's pages: orders (pick and apply) and invoices (progress, answers to the review, receipt). */
@Controller
class PortalController {

    private final OrderService orders;
    private final BuyerProfileService buyerProfiles;
    private final InvoiceRequestService requests;
    private final PaperDeliveryService paperDelivery;
    private final ReviewService review;
    private final DisputeDesk disputes;
    private final MessageSource messages;
    private final boolean demoData;

    PortalController(OrderService orders, BuyerProfileService buyerProfiles, InvoiceRequestService requests,
            PaperDeliveryService paperDelivery, ReviewService review, DisputeDesk disputes, MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${fapiaoflow.demo-data:false}") boolean demoData) {
        this.review = review;
        this.disputes = disputes;
        this.messages = messages;
        this.paperDelivery = paperDelivery;
        this.demoData = demoData;
        this.orders = orders;
        this.buyerProfiles = buyerProfiles;
        this.requests = requests;
    }

    @GetMapping("/login")
    String login(Model model) {
        // the demo accounts are named on the login page only where they exist
        model.addAttribute("demoUsers", demoData);
        return "portal/login";
    }

    /** Every role lands on a page it may open (see {@link Navigation}); the shop's account on the public verification page. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/")
    String home(Authentication user) {
        return "redirect:" + Navigation.landingPage(user);
    }

    @GetMapping("/orders")
    @PreAuthorize("hasAuthority('customer')")
    String orders(@RequestParam(required = false) Long profile, @RequestParam(required = false) List<String> orderNos,
            @ModelAttribute OrderFilter filter, Model model, Authentication user) {
        ApplyForm form = new ApplyForm();
        form.setOrderNos(orderNos);
        Optional<BuyerProfileView> start = profile != null
                ? buyerProfiles.list(user.getName()).stream().filter(t -> t.id() == profile).findFirst()
                : buyerProfiles.defaultOf(user.getName());
        start.ifPresent(form::fillFrom);
        return ordersPage(model, user, filter, form, List.of(), null);
    }

    @PostMapping("/orders/apply")
    @PreAuthorize("hasAuthority('customer')")
    String apply(@ModelAttribute ApplyForm form, @ModelAttribute OrderFilter filter, Model model, Authentication user,
            RedirectAttributes redirect, Locale locale) {
        List<FieldError> postal = form.postalProblems(key -> messages.getMessage(key, null, locale));
        try {
            InvoiceRequestCommand command = form.toCommand();
            InvoiceRequestView created = requests.submit(user.getName(), postal.isEmpty() ? command
                    : withoutPostalAddress(command), null);
            if (form.isSaveBuyerProfile() && form.getBuyerProfileId() != null) {
                // the request took the fields as shown; the picked title keeps the customer's fix for next time
                buyerProfiles.update(user.getName(), form.getBuyerProfileId(), form.buyer());
            }
            redirect.addFlashAttribute("applied", created.id());
            return "redirect:/invoices";
        } catch (InvalidInputException e) {
            List<FieldError> errors = new ArrayList<>(postal);
            // the form names the postal fields one by one; the service's summary of them would say it twice
            e.errors().stream().filter(error -> postal.isEmpty() || !"postalAddress".equals(error.field()))
                    .forEach(errors::add);
            return ordersPage(model, user, filter, form, errors, null);
        } catch (ConflictException e) {
            return ordersPage(model, user, filter, form, List.of(), e.getMessage());
        }
    }

    @GetMapping("/invoices")
    @PreAuthorize("hasAuthority('customer')")
    String invoices(Model model, Authentication user) {
        return invoicesPage(model, user, null, null, List.of());
    }

    /** The customer answers 「待补充资料」: corrected title fields; the waiting approval goes back to review. */
    @PostMapping("/invoices/{id}/supplement")
    @PreAuthorize("hasAuthority('customer')")
    String supplement(@PathVariable long id, @ModelAttribute TitleForm form, Model model, Authentication user,
            RedirectAttributes redirect) {
        try {
            review.supplement(id, user.getName(), form.details());
            redirect.addFlashAttribute("supplied", id);
            return "redirect:/invoices";
        } catch (InvalidInputException e) {
            return invoicesPage(model, user, id, form, e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.getMessage());
            return "redirect:/invoices";
        }
    }

    /** the customer says the posted paper invoice arrived */
    @PostMapping("/invoices/{id}/receipt")
    @PreAuthorize("hasAuthority('customer')")
    String confirmReceipt(@PathVariable long id, Authentication user) {
        paperDelivery.confirmReceipt(id, user.getName());
        return "redirect:/invoices";
    }

    private String invoicesPage(Model model, Authentication user, Long answering, TitleForm answer,
            List<FieldError> errors) {
        List<InvoiceRequestView> own = requests.requestsOf(user.getName());
        model.addAttribute("requests", own);
        // the details as the request has them, for the answer form of a request that waits for more information
        // keyed by the id as text: the page looks them up by ?c
        Map<String, TitleForm> answers = new HashMap<>();
        own.stream().filter(r -> r.status() == RequestStatus.NEEDS_INFO)
                .forEach(r -> answers.put(String.valueOf(r.id()), TitleForm.of(requests.buyerOf(r.id(), user.getName()))));
        if (answering != null && answer != null) {
            answers.put(String.valueOf(answering), answer);
        }
        model.addAttribute("answers", answers);
        model.addAttribute("answering", answering);
        model.addAttribute("errors", errors);
        model.addAttribute("disputes", disputes.list(CurrentUser.of(user), null, false, null).stream()
                .collect(Collectors.groupingBy(row -> String.valueOf(row.invoiceId()))));
        model.addAttribute("user", user.getName());
        return "portal/invoices";
    }

    private String ordersPage(Model model, Authentication user, OrderFilter filter, ApplyForm form,
            List<FieldError> errors, String conflict) {
        model.addAttribute("orders", OrderPage.of(orders.ordersOf(user.getName()), filter, form.getOrderNos()));
        model.addAttribute("filter", filter);
        model.addAttribute("titles", buyerProfiles.list(user.getName()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("user", user.getName());
        return "portal/orders";
    }

    private static InvoiceRequestCommand withoutPostalAddress(InvoiceRequestCommand command) {
        return new InvoiceRequestCommand(command.orderNos(), command.invoiceType(), command.buyerProfileId(),
                command.buyer(), command.saveBuyerProfile(), command.email(), command.delivery(), null);
    }
}
