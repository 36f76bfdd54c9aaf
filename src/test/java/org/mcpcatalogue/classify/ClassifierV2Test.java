package org.mcpcatalogue.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mcpcatalogue.json.JsonText;
import org.mcpcatalogue.model.Category;

/**
 * The mechanisms classifier v2 added (weak verbs, coordinated description verbs, noun-only names, caps,
 * ignored operation values, verb senses by object). Every tool here is a real tool of the DEV split of
 * src/test/resources/classify/labelled-catalogue.yaml, shown with the label it has there; each failed before
 * the change that added its rule.
 */
class ClassifierV2Test {

    private static final Classifier CLASSIFIER = new Classifier(RulesLoader.load(Path.of(RulesLoader.REPOSITORY_PATH)));

    private static Verdict classify(String json) {
        return CLASSIFIER.classify(ToolJson.read(JsonText.parse(json), "test"));
    }

    private static Verdict tool(String name, String description) {
        return classify("{\"name\": \"" + name + "\", \"description\": \"" + description + "\"}");
    }

    private static void hasSignal(Verdict v, String source, String text) {
        assertTrue(v.signals().stream().anyMatch(s -> s.source().equals(source) && s.detail().contains(text)),
                "no " + source + " signal containing \"" + text + "\" in " + v.signals());
    }

    @Test
    void aWeakVerbGivesWayToALaterVerbOfTheName() {
        // firecrawl: "monitor" names the thing; the verb is the one after it.
        Verdict create = tool("firecrawl_monitor_create", "Create a recurring scrape, crawl, or search monitor.");
        assertEquals(Category.WRITE, create.category());
        hasSignal(create, "name", "\"monitor\" before it is a noun here");
        assertEquals(Category.EXECUTE, tool("firecrawl_monitor_run",
                "Queue an immediate check for a monitor outside its normal schedule.").category());
    }

    @Test
    void aWeakVerbGivesWayToTheDescriptionsVerb() {
        Verdict log = tool("git_log", "Shows the commit logs");
        assertEquals(Category.READ, log.category());
        hasSignal(log, "description", "\"log\" in the name can be a noun");
        assertEquals(Category.READ, tool("maps_place_details", "Get detailed information about a specific place").category());
        assertEquals(Category.READ, tool("rpc_block_volume", "Get total transaction output volume (sats) for a block.").category());
    }

    @Test
    void theDescriptionsLeadingVerbListCountsWhole() {
        assertEquals(List.of("list", "create"), CLASSIFIER.descriptionVerbs("List and create keys, secrets, certificates"));
        assertEquals(List.of("create", "run"), CLASSIFIER.descriptionVerbs("Create, run, and see load testing"));
        assertEquals(List.of("get"), CLASSIFIER.descriptionVerbs("[🌐 REMOTE] Get Mastra documentation."));
        assertEquals(Category.WRITE, tool("keyvault", "List and create keys, secrets, certificates in Azure Key Vault").category());
        assertEquals(Category.EXECUTE, tool("loadtesting", "Create, run, and see load testing").category());
        // The name's verb is the first of the list: the others count too (blender imports into the scene).
        Verdict download = tool("download_polyhaven_asset", "Download and import a Polyhaven asset");
        assertEquals(Category.WRITE, download.category());
        hasSignal(download, "description", "the worst is \"import\"");
    }

    @Test
    void aVerbInTheDescriptionsListNeverMakesAToolDestructive() {
        assertEquals(Category.WRITE, tool("manage-asset-tags", "Adds, removes, or replaces tags on multiple assets").category());
    }

    @Test
    void aNameWithNoVerbIsReadWhenItsHeadNounNamesDocumentation() {
        // (nx_docs's real description starts "Returns a list of …", which since v3 decides first, also as Read.)
        Verdict docs = tool("nx_docs", "A list of documentation sections that could be relevant to the user query.");
        assertEquals(Category.READ, docs.category());
        hasSignal(docs, "name", "head noun \"docs\"");
        assertEquals(Category.READ, tool("event_healthcheck", "Event Manager healthcheck.").category());
        // A description verb still comes first.
        assertEquals(Category.READ, tool("data", "Paginate through documents in a table").category());
    }

    @Test
    void aReadOnlyOrExplainedQueryIsCappedAtRead() {
        Verdict q = classify("""
                {"name": "query", "description": "Run a read-only SQL query",
                 "inputSchema": {"type": "object", "properties": {"sql": {"type": "string"}}}}""");
        assertEquals(Category.READ, q.category());
        hasSignal(q, "description", "read-only SQL query");
        assertEquals(Category.READ, tool("query_sql", "Execute read-only SQL queries against S3 Tables").category());
        // Without the phrase the same tool runs caller SQL.
        assertEquals(Category.EXECUTE, classify("""
                {"name": "query", "description": "Run a SQL query",
                 "inputSchema": {"type": "object", "properties": {"sql": {"type": "string"}}}}""").category());
    }

    @Test
    void anHttpMethodIsNotAnOperationOfTheTool() {
        // postman/createCollectionRequest stores a request whose method may be DELETE; it deletes nothing.
        assertEquals(Category.WRITE, classify("""
                {"name": "createCollectionRequest", "description": "Creates a request in a collection.",
                 "inputSchema": {"type": "object", "properties": {
                   "method": {"type": "string", "enum": ["GET", "POST", "PUT", "DELETE"]}}}}""").category());
    }

    @Test
    void verbSensesByObject() {
        Verdict checkout = tool("git_checkout", "Switches branches");
        assertEquals(Category.WRITE, checkout.category());
        hasSignal(checkout, "name", "a git checkout switches branches");
        assertEquals(Category.READ, tool("resolve-library-id", "Resolves a package/product name to a Context7-compatible library ID").category());
        assertEquals(Category.READ, tool("generate_bar_chart", "Generate a horizontal bar chart to show data").category());
        assertEquals(Category.READ, tool("generate_deeplinks", "Create accurate Grafana resource URLs").category());
        assertEquals(Category.READ, tool("performance_start_trace", "Start recording a trace").category());
        assertEquals(Category.EXECUTE, tool("n8n_test_workflow", "Trigger and test workflow execution").category());
        assertEquals(Category.EXECUTE, tool("port_forward", "Forward a local port to a port on a Kubernetes resource").category());
        assertEquals(Category.WRITE, tool("delete-asset-relations", "Delete asset relations by asset ID").category());
        assertEquals(Category.READ, tool("get_merge_request", "Retrieves detailed information about a merge request").category());
    }

    @Test
    void anInvoiceDraftOrAPaymentLinkIsNotFinancialButAPaymentStillIs() {
        assertEquals(Category.WRITE, tool("create_invoice", "Create invoice").category());
        assertEquals(Category.WRITE, tool("create_payment_link", "Create payment link").category());
        assertEquals(Category.FINANCIAL, tool("create_refund", "Refund a PaymentIntent").category());
        assertEquals(Category.FINANCIAL, tool("finalize_invoice", "Finalize a draft invoice so it can be paid").category());
    }

    @Test
    void tradingToolsThatCloseReplaceOrExerciseAreFinancial() {
        assertEquals(Category.FINANCIAL, tool("close_position", "Closes an open position").category());
        assertEquals(Category.FINANCIAL, tool("replace_order", "Replaces an open order").category());
        assertEquals(Category.FINANCIAL, tool("exercise_options", "Exercise option contracts").category());
    }

    // Financial signals of issue 10 that the dev split has no tool for: these tools are modelled on the
    // issue's misclassification list (a wallet's send, a token transfer with no verb we know, a settlement).

    @Test
    void anAmountWithARecipientMovesMoney() {
        Verdict v = classify("""
                {"name": "wallet_send", "description": "Sends SOL from the agent's wallet.",
                 "inputSchema": {"type": "object", "properties": {
                   "toAddress": {"type": "string"}, "amount": {"type": "number"}}}}""");
        assertEquals(Category.FINANCIAL, v.category());
        hasSignal(v, "schema", "fields \"amount\" and \"toAddress\"");
        // A Read verb is never overruled: a fee estimate moves nothing.
        assertEquals(Category.READ, classify("""
                {"name": "estimate_fee", "description": "Estimates the network fee of a transfer.",
                 "inputSchema": {"type": "object", "properties": {
                   "to": {"type": "string"}, "amount": {"type": "number"}}}}""").category());
    }

    @Test
    void tokenAndChainVocabularyAndTheServersDomain() {
        assertEquals(Category.FINANCIAL, tool("transfer_erc20", "Transfer ERC-20 tokens to an address").category());
        assertEquals(Category.FINANCIAL, tool("create_settlement", "Create a settlement for the merchant").category());
        Verdict send = CLASSIFIER.classify(ToolJson.read(JsonText.parse(
                "{\"name\": \"send\", \"description\": \"Send to an address\"}"), "test"), java.util.Set.of("crypto"));
        assertEquals(Category.FINANCIAL, send.category());
        hasSignal(send, "server", "tagged \"crypto\"");
        assertEquals(Category.WRITE, tool("send", "Send to an address").category());
    }

    @Test
    void nounsReadAsVerbsAndVerbsInTheirOtherSense() {
        // Modelled on issue 10's list; the dev split has no such tool.
        assertEquals(Category.WRITE, tool("abort_build", "Aborts a running build").category());
        assertEquals(Category.READ, tool("push_notification_status", "Get the delivery status of a push notification").category());
        assertEquals(Category.WRITE, tool("print_3d_model", "Send a model to the 3D printer").category());
        assertEquals(Category.EXECUTE, tool("promote_deployment", "Promote a preview deployment to production").category());
        assertEquals(Category.READ, tool("decode_transaction", "Decode a raw transaction").category());
    }

    @Test
    void anAssigneeOrAFileMovesDestinationIsNoExternalRecipient() {
        Verdict assign = classify("""
                {"name": "update_issue", "description": "Updates an issue's fields.",
                 "inputSchema": {"type": "object", "properties": {"assignedTo": {"type": "string"}}}}""");
        assertTrue(assign.signals().stream().noneMatch(s -> s.detail().contains("external recipients")), assign.signals().toString());
        Verdict move = classify("""
                {"name": "move_file", "description": "Moves a file to another directory.",
                 "inputSchema": {"type": "object", "properties": {"source": {"type": "string"}, "destination": {"type": "string"}}}}""");
        assertTrue(move.signals().stream().noneMatch(s -> s.detail().contains("external recipients")), move.signals().toString());
        Verdict mail = classify("""
                {"name": "send_email", "description": "Sends an email.",
                 "inputSchema": {"type": "object", "properties": {"replyTo": {"type": "string"}, "to": {"type": "string"}}}}""");
        hasSignal(mail, "schema", "external recipients");
    }

    // Money-moving tools of the dev split's payment, wallet, ordering and commerce servers (bnb-chain,
    // conway-terminal, cookunity, ebay, headless-commerce, lunchmoney), each with its label there.

    @Test
    void walletToolsThatMoveTokensOrGrantAllowancesAreFinancial() {
        assertEquals(Category.FINANCIAL, tool("confirm_transfer",
                "Execute a pending transfer or payment that was returned as a preview.").category());
        assertEquals(Category.FINANCIAL, tool("approve_token_spending",
                "Approve another address (e.g. a DeFi protocol or exchange) to spend your ERC20 tokens.").category());
        assertEquals(Category.EXECUTE, tool("write_contract",
                "Write data to a smart contract by calling a state-changing function.").category());
        Verdict fetch = tool("x402_fetch", "Fetch a URL with automatic x402 payment handling. If the endpoint requires"
                + " payment, it will be paid automatically from the wallet.");
        assertEquals(Category.FINANCIAL, fetch.category());
        hasSignal(fetch, "description", "paid automatically");
        // Checking what a URL would cost pays nothing, though the phrase names a payment.
        assertEquals(Category.READ, tool("x402_check",
                "Check if a specific URL requires x402 payment and get the payment requirements.").category());
    }

    @Test
    void orderingADomainADeliveryOrPostageCommitsSpending() {
        assertEquals(Category.FINANCIAL, tool("domain_register",
                "Register a new domain. Requires x402 USDC payment on Base.").category());
        assertEquals(Category.FINANCIAL, tool("domain_renew", "Renew an existing domain. Requires x402 USDC payment on Base.").category());
        assertEquals(Category.FINANCIAL, tool("cookunity_skip_delivery", "Skip a delivery week.").category());
        assertEquals(Category.FINANCIAL, tool("cookunity_confirm_order", "Confirm/place the order for a delivery date. Takes"
                + " the current cart contents and submits them as an order.").category());
        // Confirming a pending order is a status change when nothing says it places or pays it.
        assertEquals(Category.WRITE, tool("confirm_order", "Confirm a pending order — moves it to confirmed status.").category());
        assertEquals(Category.FINANCIAL, tool("ebay_confirm_package", "Confirm a package for shipping").category());
        assertEquals(Category.FINANCIAL, tool("ebay_bulk_cancel_packages", "Cancel multiple packages in one request").category());
        assertEquals(Category.FINANCIAL, tool("ebay_update_campaign_budget",
                "Update campaign budget through the eBay Marketing API.").category());
        assertEquals(Category.FINANCIAL, tool("ebay_accept_payment_dispute",
                "Accept a payment dispute and allow eBay to refund the buyer.").category());
    }

    @Test
    void moneyWordsThatMoveNoMoney() {
        assertEquals(Category.WRITE, tool("ebay_withdraw_offer", "Withdraw an offer").category());
        assertEquals(Category.WRITE, tool("ebay_withdraw_offer_by_inventory_item_group",
                "Withdraw offers for an inventory item group").category());
        assertEquals(Category.WRITE, tool("ebay_create_notification_subscription", "Create a notification subscription").category());
        assertEquals(Category.WRITE, tool("create_transactions",
                "Insert one or more transactions (1-500 per call).").category());
        assertEquals(Category.WRITE, tool("update_transaction", "Update an existing transaction.").category());
        assertEquals(Category.WRITE, tool("create_manual_crypto", "Create a manually-managed crypto asset.").category());
        assertEquals(Category.READ, tool("confirm_cost", "Confirm the cost shown by get_cost").category());
        assertEquals(Category.DESTRUCTIVE, tool("confirm_delete_application", "Confirm and delete an application").category());
    }

    @Test
    void sandboxesTerminalsBilledCompletionsAndDataRefreshes() {
        assertEquals(Category.EXECUTE, tool("sandbox_create", "Create a new cloud sandbox. Returns sandbox ID and terminal URL.").category());
        assertEquals(Category.EXECUTE, tool("sandbox_pty_write", "Write input to a PTY session. Send keystrokes, commands, or text.").category());
        assertEquals(Category.WRITE, tool("sandbox_remove_port", "Remove an exposed port from a sandbox.").category());
        assertEquals(Category.EXECUTE, tool("chat_completions",
                "Send a chat completion request to an OpenAI model, billed from Conway credits.").category());
        assertEquals(Category.WRITE, tool("trigger_plaid_fetch", "Trigger a fetch of latest data from Plaid.").category());
        assertEquals(Category.WRITE, tool("refresh_synced_crypto",
                "Trigger a balance refresh for a synced crypto account and return the refreshed account.").category());
        assertEquals(Category.READ, tool("ebay_display_credentials", "Display the configured eBay credentials").category());
    }
}
