CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`username` text,
	`action` text NOT NULL,
	`procedure` text,
	`entity` text,
	`entity_id` text,
	`changes` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_events` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_events` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`email` text,
	`password_hash` text NOT NULL,
	`roles` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`must_change_password` integer DEFAULT false NOT NULL,
	`last_login_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `deviation_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`reason` text NOT NULL,
	`no_shows` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`sent_at` text,
	`handled_at` text,
	`handled_by` integer,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deviation_reports_status_idx` ON `deviation_reports` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `deviation_reports_participant_idx` ON `deviation_reports` (`participant_id`);--> statement-breakpoint
CREATE TABLE `exit_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`exit_date` text DEFAULT '' NOT NULL,
	`months` integer NOT NULL,
	`due_date` text NOT NULL,
	`self_supporting` text,
	`note` text,
	`recorded_at` text,
	`recorded_by` integer,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exit_follow_ups_due_idx` ON `exit_follow_ups` (`due_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `exit_follow_ups_exit_idx` ON `exit_follow_ups` (`participant_id`,`exit_date`,`months`);--> statement-breakpoint
CREATE TABLE `info_meeting_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`status` text NOT NULL,
	`booked_at` text NOT NULL,
	`booked_by` integer,
	`recorded_at` text,
	`recorded_by` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `info_meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`booked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_meeting_participant_idx` ON `info_meeting_bookings` (`meeting_id`,`participant_id`);--> statement-breakpoint
CREATE INDEX `bookings_participant_idx` ON `info_meeting_bookings` (`participant_id`);--> statement-breakpoint
CREATE TABLE `info_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`place` text NOT NULL,
	`capacity` integer NOT NULL,
	`interpreter_languages` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`cancelled` integer DEFAULT false NOT NULL,
	`cancelled_at` text,
	`cancel_reason` text,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `info_meetings_starts_idx` ON `info_meetings` (`starts_at`);--> statement-breakpoint
CREATE TABLE `participant_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`kind` text NOT NULL,
	`from_stage` text,
	`to_stage` text,
	`note` text,
	`data` text,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participant_events_participant_idx` ON `participant_events` (`participant_id`,`at`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`personnummer` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`phone` text,
	`email` text,
	`address` text,
	`postal_code` text,
	`city` text,
	`district` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`swedish_level` text,
	`education_level` text,
	`licence_classes` text DEFAULT '[]' NOT NULL,
	`experience_text` text,
	`ssyk_code` text,
	`skills` text DEFAULT '[]' NOT NULL,
	`interests` text DEFAULT '[]' NOT NULL,
	`restrictions` text,
	`wished_kinds` text DEFAULT '[]' NOT NULL,
	`available_percent` integer,
	`earliest_start` text,
	`children_in_household` integer DEFAULT 0 NOT NULL,
	`long_term_recipient` integer DEFAULT false NOT NULL,
	`monthly_assistance` integer,
	`caseworker_name` text,
	`caseworker_unit` text,
	`caseworker_phone` text,
	`caseworker_email` text,
	`referral_date` text NOT NULL,
	`case_notes` text,
	`stage` text NOT NULL,
	`stage_since` text NOT NULL,
	`paused_from_stage` text,
	`pause_reason` text,
	`pause_expected_return` text,
	`close_reason` text,
	`exit_outcome` text,
	`exit_date` text,
	`no_show_count` integer DEFAULT 0 NOT NULL,
	`coordinator_id` integer,
	`search_text` text DEFAULT '' NOT NULL,
	`sort_name` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`coordinator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_ref_unique` ON `participants` (`ref`);--> statement-breakpoint
CREATE UNIQUE INDEX `participants_personnummer_unique` ON `participants` (`personnummer`);--> statement-breakpoint
CREATE INDEX `participants_stage_search_idx` ON `participants` (`stage`,`search_text`);--> statement-breakpoint
CREATE INDEX `participants_sort_search_idx` ON `participants` (`sort_name`,`search_text`);--> statement-breakpoint
CREATE INDEX `participants_stage_name_idx` ON `participants` (`stage`,`sort_name`);--> statement-breakpoint
CREATE INDEX `participants_name_idx` ON `participants` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `participants_district_idx` ON `participants` (`district`);--> statement-breakpoint
CREATE INDEX `participants_coordinator_idx` ON `participants` (`coordinator_id`);--> statement-breakpoint
CREATE INDEX `participants_referral_idx` ON `participants` (`referral_date`);--> statement-breakpoint
CREATE INDEX `participants_stage_since_idx` ON `participants` (`stage_since`);--> statement-breakpoint
CREATE INDEX `participants_pause_return_idx` ON `participants` (`pause_expected_return`);--> statement-breakpoint
CREATE TABLE `position_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`position_id` integer NOT NULL,
	`name` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`slots` integer NOT NULL,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `position_periods_position_idx` ON `position_periods` (`position_id`);--> statement-breakpoint
CREATE TABLE `positions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workplace_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`tasks` text NOT NULL,
	`supervisor_name` text,
	`supervisor_phone` text,
	`supervisor_email` text,
	`min_swedish_level` text,
	`required_licence` text,
	`physical_demands` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`skills` text DEFAULT '[]' NOT NULL,
	`hours_percent` integer NOT NULL,
	`slots` integer NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text,
	`employment_form` text NOT NULL,
	`union_review_required` integer NOT NULL,
	`subsidy_type_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`workplace_id`) REFERENCES `workplaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subsidy_type_id`) REFERENCES `subsidy_types`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `positions_workplace_idx` ON `positions` (`workplace_id`);--> statement-breakpoint
CREATE INDEX `positions_kind_idx` ON `positions` (`kind`);--> statement-breakpoint
CREATE TABLE `subsidy_types` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`max_months` integer NOT NULL,
	`default_percent` integer NOT NULL,
	`monthly_ceiling` integer NOT NULL,
	`notes` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsidy_types_name_unique` ON `subsidy_types` (`name`);--> statement-breakpoint
CREATE TABLE `workplaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`organisation` text,
	`address` text,
	`district` text,
	`notes` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`position_id` integer NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`score` integer NOT NULL,
	`explanation` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`submitted_at` text,
	`submitted_by` integer,
	`review_meeting_id` integer,
	`withdrawn_at` text,
	`withdrawn_by` integer,
	`withdraw_reason` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`review_meeting_id`) REFERENCES `review_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proposals_participant_idx` ON `proposals` (`participant_id`);--> statement-breakpoint
CREATE INDEX `proposals_position_idx` ON `proposals` (`position_id`);--> statement-breakpoint
CREATE INDEX `proposals_meeting_idx` ON `proposals` (`review_meeting_id`);--> statement-breakpoint
CREATE TABLE `review_agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`proposal_id` integer NOT NULL,
	`origin` text NOT NULL,
	`from_meeting_id` integer,
	`added_at` text NOT NULL,
	`removed_at` text,
	`removed_reason` text,
	`draft_decision` text,
	`draft_reason_category` text,
	`draft_text` text,
	`draft_question` text,
	`draft_by` integer,
	`draft_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `review_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_meeting_id`) REFERENCES `review_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`draft_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_agenda_items_meeting_proposal_idx` ON `review_agenda_items` (`meeting_id`,`proposal_id`);--> statement-breakpoint
CREATE INDEX `review_agenda_items_proposal_idx` ON `review_agenda_items` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `review_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`proposal_id` integer NOT NULL,
	`agenda_item_id` integer,
	`decision` text NOT NULL,
	`reason_category` text,
	`text` text,
	`question` text,
	`decided_by` integer,
	`decided_at` text NOT NULL,
	`corrects_decision_id` integer,
	`correction_reason` text,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `review_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `review_agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrects_decision_id`) REFERENCES `review_decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_decisions_proposal_idx` ON `review_decisions` (`proposal_id`);--> statement-breakpoint
CREATE INDEX `review_decisions_meeting_idx` ON `review_decisions` (`meeting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `review_decisions_corrects_idx` ON `review_decisions` (`corrects_decision_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `review_decisions_item_idx` ON `review_decisions` (`meeting_id`,`proposal_id`) WHERE corrects_decision_id IS NULL;--> statement-breakpoint
CREATE TABLE `review_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`date` text NOT NULL,
	`planned_date` text NOT NULL,
	`moved_reason` text,
	`time` text NOT NULL,
	`duration_minutes` integer DEFAULT 60 NOT NULL,
	`place` text NOT NULL,
	`cutoff_date` text NOT NULL,
	`status` text NOT NULL,
	`attendees` text DEFAULT '[]' NOT NULL,
	`opened_at` text,
	`opened_by` integer,
	`closed_at` text,
	`closed_by` integer,
	`cancelled_reason` text,
	`protocol` text,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_meetings_date_idx` ON `review_meetings` (`date`);--> statement-breakpoint
CREATE INDEX `review_meetings_status_idx` ON `review_meetings` (`status`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`status` text NOT NULL,
	`generated_at` text NOT NULL,
	`generated_by` integer,
	`sent_at` text,
	`signed_at` text,
	`registered_at` text,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`generated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contracts_placement_version_idx` ON `contracts` (`placement_id`,`version`);--> statement-breakpoint
CREATE INDEX `contracts_status_idx` ON `contracts` (`status`);--> statement-breakpoint
CREATE TABLE `placement_extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`months` integer NOT NULL,
	`previous_end_date` text NOT NULL,
	`new_end_date` text NOT NULL,
	`af_decision_number` text NOT NULL,
	`af_decision_date` text NOT NULL,
	`subsidy_percent` integer,
	`subsidy_ceiling` integer,
	`note` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `placement_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`date` text NOT NULL,
	`note` text NOT NULL,
	`next_step` text,
	`next_date` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer,
	`participant_id` integer NOT NULL,
	`position_id` integer NOT NULL,
	`position_period_id` integer,
	`subsidy_type_id` integer,
	`start_date` text NOT NULL,
	`months` integer NOT NULL,
	`end_date` text NOT NULL,
	`hours_percent` integer NOT NULL,
	`monthly_salary` integer NOT NULL,
	`collective_agreement` text,
	`af_decision_number` text,
	`af_decision_date` text,
	`subsidy_percent` integer,
	`subsidy_ceiling` integer,
	`status` text NOT NULL,
	`next_follow_up_date` text,
	`ended_at` text,
	`end_outcome` text,
	`end_note` text,
	`ended_by` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_id`) REFERENCES `positions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`position_period_id`) REFERENCES `position_periods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subsidy_type_id`) REFERENCES `subsidy_types`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placements_participant_idx` ON `placements` (`participant_id`);--> statement-breakpoint
CREATE INDEX `placements_position_idx` ON `placements` (`position_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `placements_end_idx` ON `placements` (`end_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `placements_proposal_idx` ON `placements` (`proposal_id`);