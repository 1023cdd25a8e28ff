{#- Assignments and committee initiatives by status (004): counts on plan, deviating from
    plan and in all; `Total Summa` kept as row_role total. -#}
with

measures as (

    select * from {{ ref('int_report_measures') }}
    where table_family = 'assignment_counts' and value is not null

),

reports as (

    select * from {{ ref('stg_reports') }}

),

final as (

    select
        measures.report_id,
        reports.municipality,
        reports.municipality_code,
        measures.table_id,
        measures.row_number,
        measures.row_label,
        measures.row_role,
        case when measures.row_role <> 'total' then split_part(measures.row_label, ' ', 1) end
            as assignment_kind,
        case
            when measures.row_role <> 'total'
                then nullif(trim(substr(measures.row_label, strpos(measures.row_label, ' '))), '')
        end as status,
        measures.column_key as measure,
        cast(measures.value as integer) as assignment_count,
        measures.printed_text,
        measures.source_line
    from measures
    inner join reports on measures.report_id = reports.report_id

)

select * from final
