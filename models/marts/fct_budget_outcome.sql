with

amounts as (

    select * from {{ ref('int_budget_amounts') }}

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

row_activities as (

    select * from {{ ref('int_budget_row_activities') }}

),

discrepancies as (

    select * from {{ ref('int_table_discrepancies') }}
    where table_family = 'budget'

),

{#- A misprinted cell: the value the table's own arithmetic gives it, by the first rule
    that breaks on it, identities within the row before sums over rows (an identity has one
    unknown, a sum as many as the table has rows), and every broken rule's value. -#}
ranked_breaches as (

    select
        report_id,
        table_id,
        row_number,
        column_number,
        rule,
        expected_value,
        row_number() over (
            partition by report_id, table_id, row_number, column_number
            order by case when rule = 'rows_add_up_to_total' then 2 else 1 end, rule
        ) as rule_rank
    from discrepancies

),

cell_breaches as (

    select
        report_id,
        table_id,
        row_number,
        column_number,
        max(expected_value) filter (where rule_rank = 1) as consistent_printed_value,
        max(rule) filter (where rule_rank = 1) as consistency_rule,
        string_agg(rule || ' gives ' || cast(expected_value as double), '; '
            order by rule_rank) as consistency_note
    from ranked_breaches
    group by report_id, table_id, row_number, column_number

),

final as (

    select
        amounts.report_id,
        reports.municipality,
        reports.municipality_code,
        reports.period_start,
        reports.period_end,
        amounts.table_id,
        amounts.table_title,
        amounts.row_number,
        amounts.row_label,
        row_activities.activity_key,
        amounts.row_role,
        amounts.is_varav,
        amounts.parent_row_number,
        amounts.column_number,
        amounts.column_header,
        amounts.flow,
        amounts.basis,
        amounts.scope,
        amounts.amount_tkr,
        coalesce(
            cast(
                cell_breaches.consistent_printed_value * amounts.tkr_per_printed_unit
                as decimal(18, 4)
            ),
            amounts.amount_tkr
        ) as amount_tkr_consistent,
        cell_breaches.consistency_rule,
        cell_breaches.consistency_note,
        amounts.printed_text,
        amounts.printed_unit,
        amounts.rounding_tkr,
        amounts.resolution,
        amounts.label_line,
        amounts.source_line
    from amounts
    inner join reports on amounts.report_id = reports.report_id
    left join row_activities
        on amounts.report_id = row_activities.report_id
        and amounts.table_id = row_activities.table_id
        and amounts.row_number = row_activities.row_number
    left join cell_breaches
        on amounts.report_id = cell_breaches.report_id
        and amounts.table_id = cell_breaches.table_id
        and amounts.row_number = cell_breaches.row_number
        and amounts.column_number = cell_breaches.column_number

)

select * from final
