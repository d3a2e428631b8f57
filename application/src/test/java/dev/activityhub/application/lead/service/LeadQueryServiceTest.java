package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.CreateLeadUseCase.CreateLeadCommand;
import dev.activityhub.application.lead.port.in.LeadSummary;
import dev.activityhub.application.lead.port.in.ListLeadsUseCase.ListLeadsQuery;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.lead.port.out.MessagePort;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.Fakes.RecordingOutbox;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read side: a page of leads costs the same port calls (so the same statements) whatever its size. */
class LeadQueryServiceTest {
    private final InMemoryLeads store = new InMemoryLeads();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final LeadServicesOverMemory leads = new LeadServicesOverMemory(store, outbox, Fakes.noTransactions(),
            Fakes.fixedClock(), Fakes.sequentialIds(), Fakes.repeatingSecrets('c'));
    /** Every port call the query service below makes, as "Port.method". */
    private final List<String> calls = new ArrayList<>();
    private final LeadQueryService queries;

    LeadQueryServiceTest() {
        LoadLeadPort loadLeads = counting(LoadLeadPort.class);
        LoadActionLogPort loadLogs = counting(LoadActionLogPort.class);
        LeadChecklistPort checklists = counting(LeadChecklistPort.class);
        LeadViews views = new LeadViews(loadLeads, loadLogs, checklists, counting(MessagePort.class),
                new DocumentLinks(counting(DocumentPort.class), Fakes.repeatingSecrets('c'), Fakes.fixedClock()));
        queries = new LeadQueryService(loadLeads, loadLogs, checklists, views, Fakes.noTransactions());
    }

    private <T> T counting(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            calls.add(port.getSimpleName() + "." + method.getName());
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    /** A lead whose last action is a sent e-mail carrying a document, so every part of a summary is read. */
    private void leadWithLastMessage(UUID ws, String name) {
        UUID leadId = leads.create.createLead(new CreateLeadCommand(ws, LeadChanges.none()
                .with(LeadField.FIRST_NAME, name).with(LeadField.EMAIL, name + "@example.com"), List.of()))
                .lead().id();
        MessageContent sent = MessageContent.of("EMAIL", "OUTBOUND", "Docs", "Attached", null,
                List.of(name + "@example.com"));
        ActionLog log = ActionLog.message(ws, UUID.randomUUID(), leadId, sent, Fakes.T0);
        Document document = new Document(ws, UUID.randomUUID(), leadId, null, name + ".pdf", "application/pdf", 1,
                "x", null, Fakes.T0);
        store.insertDocument(document);
        leads.changes.record(log, List.of(new Message(ws, UUID.randomUUID(), log.id(), leadId, sent,
                List.of(document), Fakes.T0)));
    }

    private List<String> callsToList(UUID ws) {
        calls.clear();
        Page<LeadSummary> page = queries.listLeads(new ListLeadsQuery(ws, null, PageQuery.of(null, null)));
        page.items().forEach(summary -> {
            assertEquals(1, summary.lastActionMessages().size());
            assertEquals(1, summary.lastActionMessages().get(0).documents().size());
        });
        return List.copyOf(calls);
    }

    @Test
    void aPageOfFiveLeadsCostsWhatAPageOfOneDoes() {
        UUID one = new UUID(0x7000L, 1);
        UUID five = new UUID(0x7000L, 5);
        leadWithLastMessage(one, "solo");
        for (int i = 0; i < 5; i++) {
            leadWithLastMessage(five, "lead" + i);
        }
        List<String> forOne = callsToList(one);
        assertEquals(forOne, callsToList(five));
        assertEquals(List.of("LoadLeadPort.countLeads", "LoadLeadPort.listLeads", "LeadChecklistPort.loadChecklists",
                "LoadActionLogPort.lastActionOf", "MessagePort.messagesOf", "DocumentPort.signingSecret",
                "LoadActionLogPort.toolCallsOf"), forOne);
    }

    @Test
    void anEmptyPageReadsOnlyTheLeads() {
        assertTrue(queries.listLeads(new ListLeadsQuery(new UUID(0x7000L, 9), null, PageQuery.of(null, null)))
                .items().isEmpty());
        assertEquals(List.of("LoadLeadPort.countLeads", "LoadLeadPort.listLeads", "LeadChecklistPort.loadChecklists",
                "LoadActionLogPort.lastActionOf"), calls);
    }
}
